using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Runs on every request carrying the auth cookie: refreshes the Api tokens shortly before they
/// expire and re-issues the cookie, so a new page load (and circuit) starts with a fresh token.
/// </summary>
internal static class CookieTokenRefresher
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var tokens = AuthTokens.ReadFrom(context.Properties);
        if (tokens is null)
        {
            await RejectAsync(context);
            return;
        }
        if (!tokens.ExpiresWithin(Margin, time.GetUtcNow()))
        {
            return;
        }

        var api = context.HttpContext.RequestServices.GetRequiredService<FinanceApiClient>();
        try
        {
            var response = await api.RefreshAsync(tokens.RefreshToken, context.HttpContext.RequestAborted);
            AuthTokens.From(response, time.GetUtcNow()).StoreIn(context.Properties);
            context.ShouldRenew = true;
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            await RejectAsync(context);
        }
        catch (ApiUnavailableException)
        {
            // Keep the session; the page will say the service is unreachable.
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
