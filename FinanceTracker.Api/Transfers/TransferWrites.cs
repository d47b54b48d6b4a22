using Dapper;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Transfers;

/// <summary>
/// Transfer writes inside the caller's DB transaction, in the order every write takes its locks: both accounts (by primary
/// key, in id order), then the transfer's rows, then the transfers row. Both sides sit in monthly_totals under
/// <see cref="LedgerCategories.Transfer"/>, so they move balances and list totals, never income or spending.
/// </summary>
internal static class TransferWrites
{
    private const string SideColumns = "t.id, t.account_id, t.booking_date, t.amount, t.currency, t.version, t.payee, t.notes";

    /// <summary>The transfer a transaction is a side of (null: a plain row, or not the caller's).</summary>
    public static Task<long?> TransferOfAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long transactionId) =>
        connection.ExecuteScalarAsync<long?>(
            "SELECT transfer_id FROM transactions WHERE id = @transactionId AND user_id = @userId", new { transactionId, userId }, transaction);

    public static async Task<TransferCreated> CreateAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, CreateTransferRequest request,
        (long Id, string Currency) from, (long Id, string Currency) to, decimal toAmount)
    {
        var transferId = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO transfers (user_id) VALUES (@userId); SELECT LAST_INSERT_ID();", new { userId }, transaction);
        var date = request.Date!.Value;
        var (payee, notes) = (request.Payee?.Trim() ?? "", request.Notes?.Trim() ?? "");
        const string insert = """
            INSERT INTO transactions (user_id, account_id, category_id, booking_date, amount, currency, payee, notes, transfer_id)
            VALUES (@userId, @accountId, NULL, @date, @amount, @currency, @payee, @notes, @transferId);
            SELECT LAST_INSERT_ID();
            """;
        var day = date.ToDateTime(TimeOnly.MinValue);
        var fromId = await connection.ExecuteScalarAsync<long>(insert,
            new { userId, accountId = from.Id, date = day, amount = -request.Amount!.Value, currency = from.Currency, payee, notes, transferId }, transaction);
        var toId = await connection.ExecuteScalarAsync<long>(insert,
            new { userId, accountId = to.Id, date = day, amount = toAmount, currency = to.Currency, payee, notes, transferId }, transaction);
        await connection.ExecuteAsync(
            "UPDATE transfers SET from_transaction_id = @fromId, to_transaction_id = @toId WHERE id = @transferId AND user_id = @userId",
            new { fromId, toId, transferId, userId }, transaction);
        await TransactionWrites.ApplyAsync(connection, transaction, userId, [
            Entry(from.Id, date, -request.Amount!.Value, from.Currency),
            Entry(to.Id, date, toAmount, to.Currency)], +1);
        return new TransferCreated(transferId, fromId, toId);
    }

    /// <summary>Locks the transfer's accounts, then its rows and the transfers row; null when it isn't the caller's.</summary>
    public static async Task<LockedTransfer?> LockAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long transferId)
    {
        var parameters = new { transferId, userId };
        // A side's account never changes, so the accounts read here are the ones to lock.
        var accounts = (await connection.QueryAsync<long>(
            "SELECT t.account_id FROM transactions t WHERE t.transfer_id = @transferId AND t.user_id = @userId", parameters, transaction)).ToArray();
        if (accounts.Length > 0)
        {
            await TransactionWrites.LockAccountsAsync(connection, transaction, userId, accounts);
        }
        var sides = (await connection.QueryAsync<TransferSide>(
            $"SELECT {SideColumns} FROM transactions t WHERE t.transfer_id = @transferId AND t.user_id = @userId ORDER BY t.id FOR UPDATE",
            parameters, transaction)).ToDictionary(s => s.Id);
        var link = await connection.QuerySingleOrDefaultAsync<Link>(
            "SELECT from_transaction_id, to_transaction_id FROM transfers WHERE id = @transferId AND user_id = @userId FOR UPDATE", parameters, transaction);
        if (link is null)
        {
            return null;
        }
        return new LockedTransfer(transferId,
            link.FromTransactionId is { } f ? sides.GetValueOrDefault(f) : null,
            link.ToTransactionId is { } t ? sides.GetValueOrDefault(t) : null);
    }

    /// <summary>
    /// An edit of one side (PUT /api/transactions/{id}): date, payee and notes go to both sides; the amount keeps its
    /// direction and is mirrored onto the other side when both are in one currency. Across currencies only the edited side
    /// changes (the rate follows). Tags stay per side. A category, parts or another account are refused.
    /// </summary>
    public static async Task<Results<Ok<TransactionResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateSideAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, long transferId, TransactionInput input, int version, CancellationToken cancellationToken)
    {
        var locked = await LockAsync(connection, transaction, userId, transferId);
        var side = locked?.Sides.SingleOrDefault(s => s.Id == id);
        if (locked is null || side is null)
        {
            return TypedResults.NotFound();
        }
        if (side.Version != version)
        {
            return TransactionsApi.StaleVersion(side.Version);
        }
        var isFrom = locked.From?.Id == id;
        var refusal =
            input.CategoryId is not null ? ("categoryId", "A transfer has no category: it is neither income nor spending.")
            : input.Splits.Count > 0 ? ("splits", "A transfer cannot be split.")
            : input.AccountId != side.AccountId ? ("accountId", "A transfer's accounts cannot change: delete it and make a new one.")
            : Currencies.CheckDecimalPlaces(input.Amount, side.Currency) is { } decimals ? ("amount", decimals)
            : (isFrom ? input.Amount >= 0 : input.Amount <= 0)
                ? ("amount", isFrom ? "The sending side of a transfer is money out: its amount stays negative." : "The receiving side of a transfer is money in: its amount stays positive.")
            : ((string, string)?)null;
        if (refusal is var (field, message))
        {
            return Problems.Invalid(field, message);
        }

        var other = locked.Sides.SingleOrDefault(s => s.Id != id);
        const string update = """
            UPDATE transactions SET
                -- First, while the old values are in place: a side stays reconciled only while its date and amount do.
                reconciled = reconciled AND booking_date = @date AND amount = @amount,
                booking_date = @date, amount = @amount, payee = @payee, notes = @notes,
                version = version + 1, updated_at = UTC_TIMESTAMP(6)
            WHERE id = @id AND user_id = @userId
            """;
        var date = input.Date.ToDateTime(TimeOnly.MinValue);
        await connection.ExecuteAsync(update, new { id, userId, date, amount = input.Amount, payee = input.Payee, notes = input.Notes }, transaction);
        await connection.ExecuteAsync(
            "DELETE FROM transaction_tags WHERE transaction_id = @id AND user_id = @userId", new { id, userId }, transaction);
        await TransactionWrites.InsertTagsAsync(connection, transaction, userId, id, input.Date, input.Tags);
        await TransactionWrites.ApplyAsync(connection, transaction, userId, [Entry(side)], -1);
        await TransactionWrites.ApplyAsync(connection, transaction, userId, [Entry(side.AccountId, input.Date, input.Amount, side.Currency)], +1);
        if (other is not null)
        {
            var otherAmount = other.Currency == side.Currency ? -input.Amount : other.Amount;
            await connection.ExecuteAsync(update, new { id = other.Id, userId, date, amount = otherAmount, payee = input.Payee, notes = input.Notes }, transaction);
            // The other side keeps its own tags, on the new date.
            await TransactionWrites.MoveTagsAsync(connection, transaction, userId, other.Id, input.Date);
            await TransactionWrites.ApplyAsync(connection, transaction, userId, [Entry(other)], -1);
            await TransactionWrites.ApplyAsync(connection, transaction, userId, [Entry(other.AccountId, input.Date, otherAmount, other.Currency)], +1);
        }
        var updated = await TransactionStore.GetAsync(connection, transaction, userId, id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(updated!);
    }

    /// <summary>Deletes both sides (those that are left) and the transfer; returns their receipts' blobs, or null when not found.</summary>
    public static async Task<IReadOnlyList<string>?> DeleteAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long transferId)
    {
        var locked = await LockAsync(connection, transaction, userId, transferId);
        if (locked is null)
        {
            return null;
        }
        var blobs = new List<string>();
        foreach (var side in locked.Sides)
        {
            blobs.AddRange(await TransactionWrites.DeleteAsync(connection, transaction, userId, side.Id, [Entry(side)]));
        }
        await connection.ExecuteAsync("DELETE FROM transfers WHERE id = @transferId AND user_id = @userId", new { transferId, userId }, transaction);
        return blobs;
    }

    private sealed record Link(long? FromTransactionId, long? ToTransactionId);

    private static LedgerEntry Entry(TransferSide side) =>
        Entry(side.AccountId, DateOnly.FromDateTime(side.BookingDate), side.Amount, side.Currency);

    private static LedgerEntry Entry(long accountId, DateOnly date, decimal amount, string currency) =>
        LedgerEffect.Of(accountId, null, date, amount, currency, isTransfer: true, [])[0];
}
