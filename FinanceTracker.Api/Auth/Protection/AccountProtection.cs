using FinanceTracker.Api.Auth.Email;
using FinanceTracker.Api.Auth.Passwords;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// What keeps accounts from being guessed, listed or flooded: the password policy, account emails, rate limits,
/// and the same answer (and time) for emails with and without an account.
/// </summary>
public static class AccountProtection
{
    public static IHostApplicationBuilder AddAccountProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddPasswordPolicy();
        builder.AddAccountEmails();
        builder.Services.AddRateLimits();
        return builder;
    }

    /// <summary>On the /api/auth group: per-IP limits (rate limiter), then per-account limits and the enumeration guards.</summary>
    public static RouteGroupBuilder WithAccountProtection(this RouteGroupBuilder group)
    {
        group.RequireRateLimiting(RateLimitPolicies.Auth);
        group.AddEndpointFilter(AccountAttempts.LimitAsync);
        group.AddEndpointFilter(UnknownAccountSignIn.HashLikeAKnownAccountAsync);
        group.AddEndpointFilter(DuplicateRegistration.AnswerLikeANewAccountAsync);
        group.AddEndpointFilter(PasswordResetRequests.ForEveryAccountAsync);
        return group;
    }
}
