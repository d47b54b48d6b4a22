using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Identity.Data;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// Sign-ins to one account run one at a time, on every replica (a MariaDB named lock per email). Without it,
/// parallel guesses all pass the "locked out?" check before any failure is counted, and their failure counts
/// overwrite each other, so forty guesses at once got up to thirty-nine passwords checked.
/// </summary>
internal static class LoginSerialization
{
    private const int WaitSeconds = 10;

    public static async ValueTask<object?> OneAtATimePerAccountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is not { Email: { Length: > 0 } email })
        {
            return await next(context);
        }

        var dataSource = context.HttpContext.RequestServices.GetRequiredService<MySqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(context.HttpContext.RequestAborted);
        var name = LockName(email);
        if (await connection.ExecuteScalarAsync<int?>("SELECT GET_LOCK(@name, @wait)", new { name, wait = WaitSeconds }) != 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts at once.",
                detail: "Try again in a moment.");
        }
        try
        {
            return await next(context);
        }
        finally
        {
            await connection.ExecuteAsync("DO RELEASE_LOCK(@name)", new { name });
        }
    }

    // Lock names are at most 64 characters: a hash of the email as Identity normalises it (upper case).
    private static string LockName(string email) =>
        "ft_login_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant())))[..40];
}
