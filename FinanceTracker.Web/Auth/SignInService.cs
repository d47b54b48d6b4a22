using System.Security.Claims;
using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FinanceTracker.Web.Auth;

/// <summary>Signs a person in through the Api and issues the Web's own cookie holding the Api tokens.</summary>
public sealed class SignInService(FinanceApiClient api, TimeProvider time, ILogger<SignInService> logger)
{
    /// <exception cref="ApiException">401 with detail <c>RequiresTwoFactor</c>, <c>LockedOut</c> or <c>Failed</c>.</exception>
    public async Task SignInAsync(HttpContext httpContext, LoginRequest login, CancellationToken ct = default)
    {
        var response = await api.LoginAsync(login, ct);
        var tokens = AuthTokens.From(response, time.GetUtcNow());
        var info = await api.GetUserInfoAsync(tokens.AccessToken, ct);

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, info.Email), new Claim(ClaimTypes.Email, info.Email)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        // Persistent, so closing the browser does not sign the person out; the cookie slides with use.
        var properties = new AuthenticationProperties { IsPersistent = true };
        tokens.StoreIn(properties);
        await httpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
    }

    /// <summary>
    /// Ends the Api session first, so a copy of the cookie is worthless afterwards, then clears the cookie.
    /// The cookie goes even when the Api cannot be reached; the session then lapses with its refresh token.
    /// </summary>
    public async Task SignOutAsync(HttpContext httpContext, CancellationToken ct = default)
    {
        var result = await httpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (AuthTokens.ReadFrom(result.Properties) is { } tokens)
        {
            try
            {
                await api.LogoutAsync(tokens.AccessToken, ct);
            }
            catch (ApiException e) when (e.IsUnauthorized)
            {
                // Already ended elsewhere.
            }
            catch (ApiUnavailableException e)
            {
                logger.LogWarning(e, "Signing out: the Api could not be told to end the session.");
            }
        }
        await httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
