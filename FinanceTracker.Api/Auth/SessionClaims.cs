using System.Security.Claims;

namespace FinanceTracker.Api.Auth;

internal static class SessionClaims
{
    /// <summary>The session a token belongs to (the registered JWT claim name for a session id).</summary>
    public const string SessionId = "sid";

    public static string? GetSessionId(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionId);

    public static ClaimsPrincipal WithSession(this ClaimsPrincipal principal, string sessionId)
    {
        ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(SessionId, sessionId));
        return principal;
    }
}
