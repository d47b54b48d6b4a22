using System.Security.Claims;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// A bearer token is self-contained, so by itself it would outlive a sign-out, a password change or a deleted
/// account. From the next request on, a token whose session has ended is treated as no token at all (401), on every
/// replica; one primary-key lookup per authenticated request. Binds <see cref="CurrentUser"/> for the handlers.
/// </summary>
internal sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SessionStore sessions, CurrentUser currentUser)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var userId = context.User.GetUserId();
            if (context.User.GetSessionId() is { } sessionId && await sessions.IsAliveAsync(userId, sessionId, context.RequestAborted))
            {
                currentUser.Bind(userId, sessionId);
            }
            else
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity());
            }
        }
        await next(context);
    }
}
