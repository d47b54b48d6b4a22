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
