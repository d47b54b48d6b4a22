using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// <c>POST /api/auth/refresh</c>, answered here instead of by Identity: the new tokens stay in the same session, a
/// refresh token works once, and a second use of one (a copy in someone else's hands) ends its session. The session,
/// not the security stamp, says whether a refresh token is still good, so a password or two-factor change made in this
/// session does not sign this session out.
/// </summary>
internal static class SessionRefresh
{
    public static async ValueTask<object?> RefreshInSessionAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<RefreshRequest>().FirstOrDefault() is not { } request)
        {
            return await next(context);
        }
        var http = context.HttpContext;
        var services = http.RequestServices;
        var protector = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= services.GetRequiredService<TimeProvider>().GetUtcNow()
            || ticket.Principal.GetSessionId() is not { } sessionId
            || !long.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return TypedResults.Challenge();
        }

        var sessions = services.GetRequiredService<SessionStore>();
        if (!await sessions.SpendRefreshTokenAsync(userId, request.RefreshToken, expires, http.RequestAborted))
        {
            await sessions.EndAsync(userId, sessionId, http.RequestAborted);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This sign-in was used already",
                detail: "A refresh token works once. This session was signed out; sign in again.");
        }
        var signIn = services.GetRequiredService<SignInManager<AppUser>>();
        if (!await sessions.ExtendAsync(userId, sessionId, http.RequestAborted)
            || await signIn.UserManager.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return TypedResults.Challenge();
        }
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal.WithSession(sessionId), authenticationScheme: IdentityConstants.BearerScheme);
    }
}
