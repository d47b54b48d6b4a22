using System.Globalization;
using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;

namespace FinanceTracker.Web.Auth;

/// <summary>The Api's tokens for one signed-in person, kept only on the server.</summary>
public sealed record AuthTokens(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt)
{
    private const string AccessTokenName = "access_token";
    private const string RefreshTokenName = "refresh_token";
    private const string ExpiresAtName = "expires_at";

    public static AuthTokens From(TokenResponse response, DateTimeOffset now) =>
        new(response.AccessToken, response.RefreshToken, now.AddSeconds(response.ExpiresIn));

    public bool ExpiresWithin(TimeSpan margin, DateTimeOffset now) => ExpiresAt - now <= margin;

    /// <summary>Stores the tokens in the auth cookie's properties, which the cookie handler encrypts.</summary>
    public void StoreIn(AuthenticationProperties properties) => properties.StoreTokens(
    [
        new AuthenticationToken { Name = AccessTokenName, Value = AccessToken },
        new AuthenticationToken { Name = RefreshTokenName, Value = RefreshToken },
        new AuthenticationToken { Name = ExpiresAtName, Value = ExpiresAt.ToString("o", CultureInfo.InvariantCulture) },
    ]);

    public static AuthTokens? ReadFrom(AuthenticationProperties? properties)
    {
        var access = properties?.GetTokenValue(AccessTokenName);
        var refresh = properties?.GetTokenValue(RefreshTokenName);
        var expires = properties?.GetTokenValue(ExpiresAtName);
        if (access is null || refresh is null
            || !DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt))
        {
            return null;
        }
        return new AuthTokens(access, refresh, expiresAt);
    }
}
