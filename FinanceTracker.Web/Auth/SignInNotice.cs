namespace FinanceTracker.Web.Auth;

/// <summary>
/// Why the sign-in page was opened, as a fixed key in its query string; the page shows only its own sentences,
/// so a crafted link cannot put words on it.
/// </summary>
public static class SignInNotice
{
    public const string SignedOut = "signed-out";
    public const string PasswordReset = "password-reset";
    public const string AccountDeleted = "account-deleted";

    public static string Url(string notice) => $"{AuthEndpoints.SignInPath}?notice={notice}";

    public static string? Text(string? notice) => notice switch
    {
        SignedOut => "You're signed out.",
        PasswordReset => "Your password was changed. Sign in with the new one.",
        AccountDeleted => "Your account and everything in it were deleted. Thank you for using FinanceTracker.",
        _ => null,
    };
}
