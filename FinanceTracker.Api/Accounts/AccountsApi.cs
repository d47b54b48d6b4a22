using Dapper;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Accounts;

public static class AccountsApi
{
    internal const string SelectColumns =
        "SELECT id, name, type, currency, opening_balance, transactions_total, archived FROM accounts";

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization().InvalidatesAnalytics().RetriesDeadlocks();

        group.MapGet("/", async (MySqlDataSource db, CurrentUser caller) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            var rows = await connection.QueryAsync<AccountRow>(
                $"{SelectColumns} WHERE user_id = @userId ORDER BY name, id", new { userId = caller.Id });
            return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
        });

        group.MapGet("/{id:long}", async Task<Results<Ok<AccountResponse>, NotFound>> (long id, MySqlDataSource db, CurrentUser caller) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            var row = await FindAsync(connection, null, caller.Id, id);
            return row is null ? TypedResults.NotFound() : TypedResults.Ok(row.ToResponse());
        });

        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    internal static Task<AccountRow?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long id, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<AccountRow>(
            $"{SelectColumns} WHERE id = @id AND user_id = @userId{(forUpdate ? " FOR UPDATE" : "")}", new { id, userId }, transaction);

    private static async Task<Results<Created<AccountResponse>, ValidationProblem>> CreateAsync(
        CreateAccountRequest request, MySqlDataSource db, CurrentUser caller)
    {
        if (AccountRules.Check(request.Currency!, request.OpeningBalance) is { } invalid)
        {
            return invalid;
        }
        const string sql = """
            INSERT INTO accounts (user_id, name, type, currency, opening_balance) VALUES (@userId, @name, @type, @currency, @openingBalance);
            SELECT LAST_INSERT_ID();
            """;
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        var id = await connection.ExecuteScalarAsync<long>(sql, new
        {
            userId, name = request.Name!.Trim(), type = request.Type!.Value.ToDb(), request.Currency, request.OpeningBalance,
        });
        var created = (await FindAsync(connection, null, userId, id))!.ToResponse();
        return TypedResults.Created($"/api/accounts/{id}", created);
    }

    private static async Task<Results<Ok<AccountResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, UpdateAccountRequest request, MySqlDataSource db, CurrentUser caller)
    {
        if (AccountRules.Check(request.Currency!, request.OpeningBalance) is { } invalid)
        {
            return invalid;
        }
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var existing = await FindAsync(connection, transaction, userId, id, forUpdate: true);
        if (existing is null)
        {
            return TypedResults.NotFound();
        }
        if (existing.Currency != request.Currency && await HasTransactionsAsync(connection, transaction, userId, id))
        {
            return Problems.Conflict("The currency of an account with transactions cannot change.", "currency");
        }

        const string sql = """
            UPDATE accounts SET name = @name, type = @type, currency = @currency, opening_balance = @openingBalance,
                archived = @archived, updated_at = UTC_TIMESTAMP(6)
            WHERE id = @id AND user_id = @userId
            """;
        await connection.ExecuteAsync(sql, new
        {
            id, userId, name = request.Name!.Trim(), type = request.Type!.Value.ToDb(), request.Currency,
            request.OpeningBalance, request.Archived,
        }, transaction);
        var updated = (await FindAsync(connection, transaction, userId, id))!.ToResponse();
        await transaction.CommitAsync();
        return TypedResults.Ok(updated);
    }

    /// <summary>Deletes the account together with its transactions and their receipts (the UI confirms this first).</summary>
    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, MySqlDataSource db, BlobDeletions blobDeletions, CurrentUser caller)
    {
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The account first, then its rows: the order every transaction write locks them in, so none waits on this in a circle.
        if (await FindAsync(connection, transaction, userId, id, forUpdate: true) is null)
        {
            return TypedResults.NotFound();
        }
        var receiptBlobs = await BlobDeletions.QueueAccountAsync(connection, transaction, userId, id);
        var rows = await connection.ExecuteAsync(
            "DELETE FROM accounts WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);
        if (rows == 0)
        {
            return TypedResults.NotFound();
        }
        await transaction.CommitAsync();
        await blobDeletions.DeleteNowAsync(receiptBlobs);
        return TypedResults.NoContent();
    }

    private static Task<bool> HasTransactionsAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long accountId) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM transactions WHERE user_id = @userId AND account_id = @accountId)",
            new { userId, accountId }, transaction);
}
