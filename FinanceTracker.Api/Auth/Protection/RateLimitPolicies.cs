using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>The rate limiter's policies: <see cref="Auth"/> per client IP on /api/auth, <see cref="Uploads"/> per person.</summary>
public static class RateLimitPolicies
{
    public const string Auth = "auth";
    public const string Uploads = "uploads";

    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AccountAttempts>();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Auth, context =>
            {
                if (IsSessionCheck(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("session-check");
                }
                var (bucket, limit) = AuthBucket(context, Limits(context));
                var client = bucket == "other" && context.User.Identity?.IsAuthenticated == true
                    ? "user:" + context.User.GetUserId()
                    : ClientAddress.Of(context);
                return PerMinute($"{bucket}|{client}", limit);
            });
            options.AddPolicy(Uploads, context => PerMinute(
                context.User.Identity?.IsAuthenticated == true ? "user:" + context.User.GetUserId() : ClientAddress.Of(context),
                Limits(context).UploadsPerMinute));
            options.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var what = rejected.HttpContext.Request.Path.StartsWithSegments("/api/auth")
                    ? AuthBucket(rejected.HttpContext, Limits(rejected.HttpContext)).Bucket switch
                    {
                        "sign-in" => "sign-in attempts",
                        "register" => "sign-ups",
                        "password-reset" => "password reset requests",
                        _ => "requests",
                    }
                    : "receipt uploads";
                return new ValueTask(new TooManyRequests(retryAfter, $"Too many {what} in a short time. Try again in {{wait}}.")
                    .ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>
    /// GET manage/info: the Web asks it on every page load to learn whether the session behind its cookie is still alive.
    /// A read of the caller's own account that checks no secret, so it is not counted: counted, 30 page loads a minute
    /// used up a person's <see cref="RateLimitOptions.OtherAuthPerMinute"/> and every page then waited for the limit.
    /// </summary>
    private static bool IsSessionCheck(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals("/api/auth/manage/info", StringComparison.OrdinalIgnoreCase);

    private static (string Bucket, int Limit) AuthBucket(HttpContext context, RateLimitOptions limits) =>
        context.Request.Path.Value?[("/api/auth".Length)..].ToLowerInvariant() switch
        {
            "/login" => ("sign-in", limits.SignInPerMinute),
            "/register" => ("register", limits.RegisterPerMinute),
            "/forgotpassword" or "/resetpassword" or "/resendconfirmationemail" => ("password-reset", limits.PasswordResetPerMinute),
            _ => ("other", limits.OtherAuthPerMinute),
        };

    private static RateLimitPartition<string> PerMinute(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
