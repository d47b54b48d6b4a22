using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Runs on every request carrying the auth cookie. For pages and other dynamic endpoints it makes sure the Api
/// session behind the cookie is still alive (a signed-out or ended session rejects the cookie on the very next
/// request), refreshing the Api tokens shortly before they expire and re-issuing the cookie, so a new page load (and
/// circuit) starts with a fresh token.
/// </summary>
public static class CookieTokenRefresher
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var time = services.GetRequiredService<TimeProvider>();
        var tokens = AuthTokens.ReadFrom(context.Properties);
        if (tokens is null)
        {
            await RejectAsync(context);
            return;
        }
        if (!SessionCheck.AppliesTo(context.HttpContext.GetEndpoint()))
        {
            return;
        }

        var api = services.GetRequiredService<FinanceApiClient>();
        var refreshed = services.GetRequiredService<RefreshedTokens>();
        var ct = context.HttpContext.RequestAborted;
        try
        {
            // A circuit may have refreshed since this cookie was written; its refresh token is then used up.
            var latest = refreshed.Latest(tokens);
            if (latest.ExpiresWithin(Margin, time.GetUtcNow()))
            {
                // A successful refresh also proves the session is alive.
                latest = await refreshed.RefreshAsync(api, latest, Margin, ct);
            }
            else
            {
                await api.GetUserInfoAsync(latest.AccessToken, ct);
            }
            if (latest != tokens)
            {
                latest.StoreIn(context.Properties);
                context.ShouldRenew = true;
            }
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            await RejectAsync(context);
        }
        catch (ApiUnavailableException)
        {
            // Keep the session; the page will say the service is unreachable.
        }
        catch (ApiException)
        {
            // Refused for another reason (too many refreshes in a minute): the session is not known to have ended, so it
            // is kept; the token is still valid for minutes, and the page shows the Api's answer if a call fails.
        }
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
