namespace FinanceTracker.Web.Api;

// The Api's account-security contract: Identity's endpoints under /api/auth plus sessions and account deletion.

/// <summary>Identity's login body; one of the two codes is sent when the account has two-factor authentication.</summary>
public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode = null, string? TwoFactorRecoveryCode = null);

public sealed record ChangePasswordRequest(string OldPassword, string NewPassword);

public sealed record TwoFactorRequest
{
    public bool? Enable { get; init; }
    public string? TwoFactorCode { get; init; }
    public bool ResetSharedKey { get; init; }
    public bool ResetRecoveryCodes { get; init; }
}

public sealed record TwoFactorStatus(
    string SharedKey, int RecoveryCodesLeft, IReadOnlyList<string>? RecoveryCodes, bool IsTwoFactorEnabled, bool IsMachineRemembered);

public sealed record Session(
    string Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, string? UserAgent, string? IpAddress, bool Current);

public sealed record DeleteAccountRequest(string Password, string? TwoFactorCode);

public sealed record ForgotPasswordRequest(string Email);

public sealed record ResetPasswordRequest(string Email, string ResetCode, string NewPassword);
