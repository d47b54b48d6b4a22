using Dapper;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Reconciliation;
using FinanceTracker.Api.Transfers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

public static class TransactionsApi
{
    public static RouteGroupBuilder MapTransactionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/transactions").WithTags("Transactions").RequireAuthorization().InvalidatesAnalytics().RetriesDeadlocks();

        group.MapGet("/", ListAsync);
        group.MapGet("/totals", TotalsAsync);
        group.MapGet("/{id:long}", GetAsync).WithName("GetTransaction");
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    private static Task<Results<Ok<TransactionPage>, ValidationProblem>> ListAsync(
        HttpRequest request, CurrentUser caller, TransactionStore store, CancellationToken cancellationToken) =>
        FilteredAsync(request, filter => store.ListAsync(caller.Id, filter, cancellationToken));

    private static Task<Results<Ok<TransactionTotalsResponse>, ValidationProblem>> TotalsAsync(
        HttpRequest request, CurrentUser caller, TransactionStore store, CancellationToken cancellationToken) =>
        FilteredAsync(request, filter => store.TotalsAsync(caller.Id, filter, cancellationToken));

    /// <summary>The answer for the filters in the query string, or every bad one named.</summary>
    private static async Task<Results<Ok<T>, ValidationProblem>> FilteredAsync<T>(HttpRequest request, Func<TransactionFilter, Task<T>> answer)
    {
        var filter = TransactionFilter.Parse(request.Query);
        if (filter.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(filter.Errors);
        }
        return TypedResults.Ok(await answer(filter));
    }

    private static async Task<Results<Ok<TransactionResponse>, NotFound>> GetAsync(
        long id, CurrentUser caller, TransactionStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(caller.Id, id, cancellationToken) is { } transaction
            ? TypedResults.Ok(transaction)
            : TypedResults.NotFound();

    private static async Task<Results<Created<TransactionResponse>, ValidationProblem>> CreateAsync(
        CreateTransactionRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var (input, errors) = TransactionRules.Normalize(request);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var currencies = await TransactionWrites.LockAccountsAsync(connection, transaction, userId, input.AccountId);
        var (currency, invalid) = await CheckReferencesAsync(connection, transaction, userId, input, currencies);
        if (invalid is not null)
        {
            return invalid;
        }
        var id = await TransactionWrites.InsertAsync(connection, transaction, userId, input, currency!);
        var created = await TransactionStore.GetAsync(connection, transaction, userId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/transactions/{id}", created);
    }

    private static async Task<Results<Ok<TransactionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, UpdateTransactionRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var (input, errors) = TransactionRules.Normalize(request);
        if (input is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!request.ConfirmReconciled && await ReconciliationStore.TouchesReconciledAsync(connection, transaction, userId, id))
        {
            return ReconciliationApi.ReconciledConflict();
        }
        // A row never becomes or stops being a transfer side, so this unlocked read decides the path for good.
        if (await TransferWrites.TransferOfAsync(connection, transaction, userId, id) is { } transferId)
        {
            return await TransferWrites.UpdateSideAsync(connection, transaction, userId, id, transferId, input, request.Version!.Value, cancellationToken);
        }
        var (current, currencies) = await LockAsync(connection, transaction, userId, id, input.AccountId);
        if (current is null)
        {
            return TypedResults.NotFound();
        }
        if (current.Version != request.Version)
        {
            return StaleVersion(current.Version);
        }
        var (currency, invalid) = await CheckReferencesAsync(connection, transaction, userId, input, currencies);
        if (invalid is not null)
        {
            return invalid;
        }

        var previous = await EntriesAsync(connection, transaction, userId, id, current);
        await TransactionWrites.UpdateAsync(connection, transaction, userId, id, previous, input, currency!);
        var updated = await TransactionStore.GetAsync(connection, transaction, userId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated);
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteAsync(
        long id, bool? confirmReconciled, CurrentUser caller, MySqlDataSource db, BlobDeletions blobDeletions, CancellationToken cancellationToken)
    {
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (confirmReconciled != true && await ReconciliationStore.TouchesReconciledAsync(connection, transaction, userId, id))
        {
            return ReconciliationApi.ReconciledConflict();
        }
        if (await TransferWrites.TransferOfAsync(connection, transaction, userId, id) is { } transferId)
        {
            // Either side of a transfer deletes the whole transfer.
            var transferBlobs = await TransferWrites.DeleteAsync(connection, transaction, userId, transferId);
            if (transferBlobs is null)
            {
                return TypedResults.NotFound();
            }
            await transaction.CommitAsync(cancellationToken);
            await blobDeletions.DeleteNowAsync(transferBlobs);
            return TypedResults.NoContent();
        }
        var (current, _) = await LockAsync(connection, transaction, userId, id);
        if (current is null)
        {
            return TypedResults.NotFound();
        }
        var previous = await EntriesAsync(connection, transaction, userId, id, current);
        var receiptBlobs = await TransactionWrites.DeleteAsync(connection, transaction, userId, id, previous);
        await transaction.CommitAsync(cancellationToken);
        await blobDeletions.DeleteNowAsync(receiptBlobs);
        return TypedResults.NoContent();
    }

    private sealed record LockedRow(long AccountId, long? CategoryId, DateTime BookingDate, decimal Amount, string Currency, int Version);

    /// <summary>What the locked row (not a transfer side) holds in the ledger now, its split parts included.</summary>
    private static async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id, LockedRow row)
    {
        var parts = (await Splits.OfAsync(connection, transaction, userId, [id]))[id].ToList();
        return LedgerEffect.Of(row.AccountId, row.CategoryId, DateOnly.FromDateTime(row.BookingDate), row.Amount, row.Currency, isTransfer: false, parts);
    }

    /// <summary>
    /// Locks a row for a change, after the accounts it moves between (its own, and <paramref name="newAccountId"/>): every
    /// write and every account or category delete takes accounts first, rows next, categories last, so none of them can
    /// wait on another in a circle. Returns the row (null: not the caller's) and the locked accounts' currencies.
    /// </summary>
    private static async Task<(LockedRow? Row, Dictionary<long, string> Currencies)> LockAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, long? newAccountId = null)
    {
        const string sql = "SELECT account_id, category_id, booking_date, amount, currency, version FROM transactions WHERE id = @id AND user_id = @userId";
        var peek = await connection.QuerySingleOrDefaultAsync<LockedRow>(sql, new { id, userId }, transaction);
        var accountId = peek?.AccountId;
        while (accountId is { } rowAccount)
        {
            long[] accounts = newAccountId is { } target ? [rowAccount, target] : [rowAccount];
            var currencies = await TransactionWrites.LockAccountsAsync(connection, transaction, userId, accounts);
            var row = await connection.QuerySingleOrDefaultAsync<LockedRow>($"{sql} FOR UPDATE", new { id, userId }, transaction);
            if (row is null || row.AccountId == rowAccount)
            {
                return (row, currencies);
            }
            // Moved to another account since the first read (rare): that one is locked on the next turn, and then it cannot move.
            accountId = row.AccountId;
        }
        return (null, []);
    }

    /// <summary>The account and the category must be the caller's own (the accounts are locked already); returns the account's currency.</summary>
    private static async Task<(string? Currency, ValidationProblem? Invalid)> CheckReferencesAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, TransactionInput input, Dictionary<long, string> currencies)
    {
        if (!currencies.TryGetValue(input.AccountId, out var currency))
        {
            return (null, Problems.Invalid("accountId", "No such account."));
        }
        if (Currencies.CheckDecimalPlaces(input.Amount, currency) is { } amountError)
        {
            return (null, Problems.Invalid("amount", amountError));
        }
        if (input.CategoryId is { } categoryId && !await TransactionWrites.CategoryExistsAsync(connection, transaction, userId, categoryId))
        {
            return (null, Problems.Invalid("categoryId", "No such category."));
        }
        if (await SplitRules.CheckReferencesAsync(connection, transaction, userId, input.Splits, currency) is { } splitError)
        {
            return (null, Problems.Invalid(splitError.Field, splitError.Message));
        }
        return (currency, null);
    }

    internal static ProblemHttpResult StaleVersion(int currentVersion) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The transaction was changed by someone else",
            Detail = "It changed since you read it. Load it again, then re-apply your edit.",
            Extensions = { ["currentVersion"] = currentVersion },
        });
}
