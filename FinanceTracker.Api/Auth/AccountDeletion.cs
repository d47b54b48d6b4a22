using System.Security.Claims;
using Dapper;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>The password (and the current code, with two-factor on) that confirms "delete my account".</summary>
public sealed record DeleteAccountRequest(string? Password, string? TwoFactorCode);

public static class AccountDeletion
{
    /// <summary><c>POST /api/auth/manage/delete-account</c>: the person and everything they stored, receipts included.</summary>
    public static void MapAccountDeletion(this RouteGroupBuilder auth) =>
        auth.MapPost("/manage/delete-account", DeleteAsync).RequireAuthorization();

    private static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> DeleteAsync(
        DeleteAccountRequest request, ClaimsPrincipal principal, UserManager<AppUser> users, MySqlDataSource db, BlobDeletions blobDeletions)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }
        if (string.IsNullOrEmpty(request.Password) || !await users.CheckPasswordAsync(user, request.Password))
        {
            return Problems.Invalid("password", "The password is not correct.");
        }
        if (user.TwoFactorEnabled && (string.IsNullOrEmpty(request.TwoFactorCode)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, request.TwoFactorCode)))
        {
            return Problems.Invalid("twoFactorCode", "Enter the current code from your authenticator app.");
        }

        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Blob names are queued in the same transaction as the rows go, so no receipt outlives its owner.
        var receiptBlobs = await BlobDeletions.QueueUserAsync(connection, transaction, user.Id);
        // Accounts, categories, transactions, tags, monthly totals and receipts follow by ON DELETE CASCADE.
        await connection.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id = user.Id }, transaction);
        await transaction.CommitAsync();
        await blobDeletions.DeleteNowAsync(receiptBlobs);
        return TypedResults.NoContent();
    }
}
