using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// <c>RateLimits:*</c>. Per client IP (an IPv6 client by its /64) and minute on <c>/api/auth/*</c>; per account
/// (the email in the body of login, forgotPassword and resetPassword) over <see cref="AccountWindowMinutes"/>;
/// receipt uploads per person and minute. Counted by each Api replica on its own.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(1, int.MaxValue)]
    public int SignInPerMinute { get; set; } = 10;

    [Range(1, int.MaxValue)]
    public int RegisterPerMinute { get; set; } = 5;

    /// <summary>forgotPassword, resetPassword and resendConfirmationEmail together.</summary>
    [Range(1, int.MaxValue)]
    public int PasswordResetPerMinute { get; set; } = 5;

    /// <summary>Every other /api/auth endpoint (refresh, manage/*, …; not GET manage/info, the Web's session check), per person when signed in.</summary>
    [Range(1, int.MaxValue)]
    public int OtherAuthPerMinute { get; set; } = 60;

    [Range(1, int.MaxValue)]
    public int AccountAttempts { get; set; } = 10;

    [Range(1, 24 * 60)]
    public int AccountWindowMinutes { get; set; } = 15;

    [Range(1, int.MaxValue)]
    public int UploadsPerMinute { get; set; } = 30;
}
