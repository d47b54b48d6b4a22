using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// Attempts per account, whoever makes them and from how many addresses: sign-ins, reset requests and reset codes
/// naming one email share <see cref="RateLimitOptions.AccountAttempts"/> per <see cref="RateLimitOptions.AccountWindowMinutes"/>.
/// Unknown emails are counted alike, so the answer tells nothing about who has an account.
/// </summary>
internal sealed class AccountAttempts(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.AccountAttempts,
            Window = TimeSpan.FromMinutes(options.Value.AccountWindowMinutes),
            QueueLimit = 0,
        }));

    public static async ValueTask<object?> LimitAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var email = context.Arguments.FirstOrDefault(a => a is LoginRequest or ForgotPasswordRequest or ResetPasswordRequest) switch
        {
            LoginRequest login => login.Email,
            ForgotPasswordRequest forgot => forgot.Email,
            ResetPasswordRequest reset => reset.Email,
            _ => null,
        };
        if (string.IsNullOrWhiteSpace(email))
        {
            return await next(context);
        }
        var attempts = context.HttpContext.RequestServices.GetRequiredService<AccountAttempts>();
        using var lease = attempts.limiter.AttemptAcquire(email.Trim().ToUpperInvariant());
        if (!lease.IsAcquired)
        {
            var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(attempts.Window);
            return new TooManyRequests(retryAfter, "Too many attempts for this account in a short time. Try again in {wait}.");
        }
        return await next(context);
    }

    private int Window => options.Value.AccountWindowMinutes;

    public void Dispose() => limiter.Dispose();
}
