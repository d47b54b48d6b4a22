using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// A bearer token is self-contained, so it outlives a deleted account; from the next request on, a token whose user
/// no longer exists is treated as no token at all (401), on every replica. One primary-key lookup per request.
/// </summary>
internal sealed class SignedInUserCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, MySqlDataSource db)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await using var connection = await db.OpenConnectionAsync(context.RequestAborted);
            var exists = await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM users WHERE id = @id)", new { id = context.User.GetUserId() });
            if (!exists)
            {
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }
        }
        await next(context);
    }
}
