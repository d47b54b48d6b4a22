using System.Globalization;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Reconciliation;

/// <summary>An account's register against the bank: rows cleared one by one, then reconciled to a statement's closing balance.</summary>
public static class ReconciliationApi
{
    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/transactions/{id:long}/cleared", SetClearedAsync).WithTags("Transactions").RequireAuthorization().RetriesDeadlocks();
        var accounts = routes.MapGroup("/api/accounts/{id:long}").WithTags("Accounts").RequireAuthorization().RetriesDeadlocks();
        accounts.MapGet("/reconciliation", StatusAsync);
        accounts.MapPost("/reconcile", ReconcileAsync);
        return routes;
    }

    private static async Task<Results<Ok<TransactionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetClearedAsync(
        long id, ClearedRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ReconciliationStore.StateAsync(connection, transaction, caller.Id, id) is not { } state)
        {
            return TypedResults.NotFound();
        }
        if (state.Reconciled && request.Cleared == false && !request.ConfirmReconciled)
        {
            return ReconciledConflict();
        }
        await ReconciliationStore.SetClearedAsync(connection, transaction, caller.Id, id, request.Cleared!.Value);
        var row = await TransactionStore.GetAsync(connection, transaction, caller.Id, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(row);
    }

    private static async Task<Results<Ok<ReconciliationStatus>, NotFound, ValidationProblem>> StatusAsync(
        long id, string? statementDate, CurrentUser caller, MySqlDataSource db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (statementDate is not null && !TryReadDate(statementDate, out date))
        {
            return Problems.Invalid("statementDate", "'statementDate' must be a date like 2026-01-31.");
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        if (await ReconciliationStore.AccountAsync(connection, null, caller.Id, id) is not { } account)
        {
            return TypedResults.NotFound();
        }
        var sums = await ReconciliationStore.SumsAsync(connection, null, caller.Id, id, date);
        return TypedResults.Ok(Status(id, account, date, sums));
    }

    private static async Task<Results<Ok<ReconcileResult>, NotFound, ValidationProblem, ProblemHttpResult>> ReconcileAsync(
        long id, ReconcileRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var (date, statementBalance) = (request.StatementDate!.Value, request.StatementBalance!.Value);
        if (!DateBounds.Contains(date))
        {
            return Problems.Invalid("statementDate", DateBounds.DateOutOfRange("statementDate"));
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if ((await TransactionWrites.LockAccountsAsync(connection, transaction, caller.Id, id)).Count == 0
            || await ReconciliationStore.AccountAsync(connection, transaction, caller.Id, id) is not { } account)
        {
            return TypedResults.NotFound();
        }
        if (Currencies.CheckDecimalPlaces(statementBalance, account.Currency) is { } decimals)
        {
            return Problems.Invalid("statementBalance", decimals);
        }
        var strangers = await ReconciliationStore.ClearAsync(connection, transaction, caller.Id, id, date, request.ClearedIds ?? []);
        if (strangers.Count > 0)
        {
            return Problems.Invalid("clearedIds", $"Not rows of this account dated on or before {date:yyyy-MM-dd}: {string.Join(", ", strangers.Take(20))}.");
        }
        var sums = await ReconciliationStore.SumsAsync(connection, transaction, caller.Id, id, date);
        var cleared = account.OpeningBalance + sums.Cleared;
        if (cleared != statementBalance)
        {
            var n = (decimal amount) => Currencies.Normalize(amount, account.Currency).ToString(CultureInfo.InvariantCulture);
            return Problems.Conflict(
                $"The cleared rows and the opening balance come to {n(cleared)} {account.Currency}, the statement says {n(statementBalance)}: " +
                $"a difference of {n(statementBalance - cleared)}. Clear or un-clear rows until it is zero.", "statementBalance");
        }
        var count = await ReconciliationStore.ReconcileAsync(connection, transaction, caller.Id, id, date, statementBalance);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ReconcileResult(id, date, Currencies.Normalize(statementBalance, account.Currency), count));
    }

    /// <summary>409 for a change to a reconciled row that was not confirmed.</summary>
    internal static ProblemHttpResult ReconciledConflict() => Problems.Conflict(
        "This transaction is reconciled with a bank statement. Send confirmReconciled: true to change it anyway; it is then no longer reconciled.",
        "confirmReconciled");

    private static ReconciliationStatus Status(long id, ReconciliationStore.AccountState account, DateOnly date, ReconciliationStore.ClearedSums sums) => new(
        id, account.Currency, date, Currencies.Normalize(account.OpeningBalance + sums.Cleared, account.Currency), sums.ClearedCount, sums.UnclearedCount,
        account.ReconciledThrough is { } through ? DateOnly.FromDateTime(through) : null,
        account.ReconciledBalance is { } balance ? Currencies.Normalize(balance, account.Currency) : null);

    private static bool TryReadDate(string raw, out DateOnly date) =>
        DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date) && DateBounds.Contains(date);
}
