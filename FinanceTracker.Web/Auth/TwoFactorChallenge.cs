using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Carries the email and password from the password step to the code step of a two-factor sign-in. The sign-in page
/// is a static form, so the pair travels in the next POST body, encrypted and signed by the Web's data-protection
/// keys and good for a few minutes: never readable in the page, never in a URL or cookie.
/// </summary>
public sealed class TwoFactorChallenge(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("FinanceTracker.Web.SignIn.TwoFactor").ToTimeLimitedDataProtector();

    public string Protect(string email, string password) =>
        _protector.Protect(JsonSerializer.Serialize(new Pending(email, password)), time.GetUtcNow().Add(Lifetime));

    /// <summary>The pending sign-in, or null when the challenge is forged, damaged or too old.</summary>
    public (string Email, string Password)? Unprotect(string? challenge)
    {
        if (string.IsNullOrEmpty(challenge))
        {
            return null;
        }
        try
        {
            var pending = JsonSerializer.Deserialize<Pending>(_protector.Unprotect(challenge, out var expiration));
            return pending is null || expiration < time.GetUtcNow() ? null : (pending.Email, pending.Password);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }

    private sealed record Pending(string Email, string Password);
}
