using System.Security.Claims;
using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FinanceTracker.Web.Auth;

/// <summary>Signs a person in through the Api and issues the Web's own cookie holding the Api tokens.</summary>
public sealed class SignInService(FinanceApiClient api, TimeProvider time)
{
    /// <exception cref="ApiException">401 for a wrong password or a locked-out account.</exception>
    public async Task SignInAsync(HttpContext httpContext, Credentials credentials, CancellationToken ct = default)
    {
        var response = await api.LoginAsync(credentials, ct);
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

    public static Task SignOutAsync(HttpContext httpContext) =>
        httpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
}
