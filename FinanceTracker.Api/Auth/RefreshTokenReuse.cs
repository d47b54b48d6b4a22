using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// Each refresh token works once. Identity's tokens are self-contained, so the used ones are remembered (by hash,
/// until they expire); a second use means a copy is in someone else's hands, and the answer is 401 plus a new
/// security stamp, which retires every refresh token of that person at once.
/// </summary>
internal static class RefreshTokenReuse
{
    public static async ValueTask<object?> UsedOnceAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<RefreshRequest>().FirstOrDefault() is not { RefreshToken: { Length: > 0 } token })
        {
            return await next(context);
        }
        var services = context.HttpContext.RequestServices;
        var protector = services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = protector.Unprotect(token);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires < DateTimeOffset.UtcNow
            || !long.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return await next(context); // Identity refuses it itself
        }

        await using var connection = await services.GetRequiredService<MySqlDataSource>().OpenConnectionAsync(context.HttpContext.RequestAborted);
        try
        {
            await connection.ExecuteAsync("""
                DELETE FROM used_refresh_tokens WHERE expires_at < UTC_TIMESTAMP(6) LIMIT 100;
                INSERT INTO used_refresh_tokens (token_hash, user_id, expires_at) VALUES (@hash, @userId, @expires);
                """, new { hash = SHA256.HashData(Encoding.UTF8.GetBytes(token)), userId, expires = expires.UtcDateTime });
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            await connection.ExecuteAsync(
                "UPDATE users SET security_stamp = UUID(), concurrency_stamp = UUID() WHERE id = @userId", new { userId });
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "This sign-in was used already",
                detail: "A refresh token works once. Every session of this account was signed out; sign in again.");
        }
        return await next(context);
    }
}
