using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Receipts;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// What a transaction (or one part of a split one) contributes to its account's balance and to one monthly_totals row.
/// <see cref="Count"/> is 1 for the entry that carries the transaction in transaction_count and 0 for a split's other
/// parts, so SUM(transaction_count) stays the number of transactions.
/// </summary>
internal sealed record LedgerEntry(long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency, int Count = 1);

/// <summary>
/// The statements of a write, all inside one DB transaction with the caller: the row, its tags,
/// the account's running total and the monthly totals (so reads never sum a whole ledger).
/// </summary>
internal static class TransactionWrites
{
    /// <summary>
    /// Locks the accounts a write touches, always in id order, so two writes moving rows between the
    /// same accounts in opposite directions queue instead of deadlocking. Returns each one's currency.
    /// </summary>
    public static async Task<Dictionary<long, string>> LockAccountsAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, params long[] accountIds)
    {
        var rows = await connection.QueryAsync<(long Id, string Currency)>(
            // The primary key, forced: through the (user_id, name) index the rows would be locked in name order instead.
            "SELECT id, currency FROM accounts FORCE INDEX (PRIMARY) WHERE user_id = @userId AND id IN @accountIds ORDER BY id FOR UPDATE",
            new { userId, accountIds = accountIds.Distinct().ToArray() }, transaction);
        return rows.ToDictionary(r => r.Id, r => r.Currency);
    }

    /// <summary>
    /// Share-locks the category until commit: a concurrent delete either waits for this write (and then moves or
    /// counts it) or removed the category first (and this write is refused); a row can never lose its category silently.
    /// </summary>
    public static async Task<bool> CategoryExistsAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long categoryId) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM categories WHERE id = @categoryId AND user_id = @userId LOCK IN SHARE MODE",
            new { categoryId, userId }, transaction) > 0;

    public static async Task<long> InsertAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, TransactionInput input, string currency)
    {
        const string sql = """
            INSERT INTO transactions (user_id, account_id, category_id, booking_date, amount, currency, payee, notes)
            VALUES (@userId, @AccountId, @CategoryId, @bookingDate, @Amount, @currency, @Payee, @Notes);
            SELECT LAST_INSERT_ID();
            """;
        var id = await connection.ExecuteScalarAsync<long>(sql, Parameters(userId, input, currency), transaction);
        await InsertTagsAsync(connection, transaction, userId, id, input.Date, input.Tags);
        await Splits.ReplaceAsync(connection, transaction, userId, id, input.Splits);
        await ApplyAsync(connection, transaction, userId, Entries(input, currency), +1);
        return id;
    }

    public static async Task UpdateAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, IReadOnlyList<LedgerEntry> previous, TransactionInput input, string currency)
    {
        const string sql = """
            UPDATE transactions SET
                -- First, while the old values are still in place: a row stays reconciled only while its account, date
                -- and amount are what the statement matched, and stays cleared only in its account.
                reconciled = reconciled AND account_id = @AccountId AND booking_date = @bookingDate AND amount = @Amount,
                cleared = cleared AND account_id = @AccountId,
                account_id = @AccountId, category_id = @CategoryId, booking_date = @bookingDate,
                amount = @Amount, currency = @currency, payee = @Payee, notes = @Notes,
                version = version + 1, updated_at = UTC_TIMESTAMP(6)
            WHERE id = @id AND user_id = @userId
            """;
        var parameters = Parameters(userId, input, currency);
        parameters.Add("id", id);
        await connection.ExecuteAsync(sql, parameters, transaction);
        // Its tags are written anew, on the new date.
        await connection.ExecuteAsync(
            "DELETE FROM transaction_tags WHERE transaction_id = @id AND user_id = @userId", new { id, userId }, transaction);
        await InsertTagsAsync(connection, transaction, userId, id, input.Date, input.Tags);
        await Splits.ReplaceAsync(connection, transaction, userId, id, input.Splits);
        await ApplyAsync(connection, transaction, userId, previous, -1);
        await ApplyAsync(connection, transaction, userId, Entries(input, currency), +1);
    }

    /// <summary>Returns the blob names of its receipts, queued for deletion before the cascade removes their rows.</summary>
    public static async Task<IReadOnlyList<string>> DeleteAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, IReadOnlyList<LedgerEntry> previous)
    {
        var receiptBlobs = await BlobDeletions.QueueTransactionAsync(connection, transaction, userId, id);
        await connection.ExecuteAsync(
            "DELETE FROM transactions WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);
        await ApplyAsync(connection, transaction, userId, previous, -1);
        return receiptBlobs;
    }

    /// <summary>Adds (+1) or takes back (-1) a transaction's entries on its account's balance and the monthly totals.</summary>
    public static async Task ApplyAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<LedgerEntry> entries, int sign)
    {
        foreach (var account in entries.GroupBy(e => e.AccountId))
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET transactions_total = transactions_total + @delta WHERE id = @accountId AND user_id = @userId",
                new { delta = sign * account.Sum(e => e.Amount), accountId = account.Key, userId }, transaction);
        }
        foreach (var entry in entries)
        {
            await MonthlyTotals.ApplyAsync(connection, transaction, userId, entry, sign);
        }
    }

    private static IReadOnlyList<LedgerEntry> Entries(TransactionInput input, string currency) =>
        LedgerEffect.Of(input.AccountId, input.CategoryId, input.Date, input.Amount, currency, isTransfer: false, input.Splits);

    /// <summary>
    /// One row per tag as the column's collation (utf8mb4_unicode_ci) tells tags apart: 'café', 'Cafe' and 'ｃａｆｅ'
    /// are one tag, stored in the first spelling given. The key decides, so no rule in C# can disagree with it. Each row
    /// carries the transaction's <paramref name="date"/>, which the tag filter pages by.
    /// </summary>
    public static Task InsertTagsAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, DateOnly date, IReadOnlyList<string> tags) =>
        tags.Count == 0
            ? Task.CompletedTask
            : connection.ExecuteAsync(
                // Dapper runs it once per tag, in order, so a later spelling finds the first one's row and leaves it as it is.
                "INSERT INTO transaction_tags (transaction_id, user_id, tag, booking_date) VALUES (@id, @userId, @tag, @day) ON DUPLICATE KEY UPDATE tag = tag",
                tags.Select(tag => new { id, userId, tag, day = date.ToDateTime(TimeOnly.MinValue) }), transaction);

    /// <summary>Moves a transaction's tags to its new date (a write that changes the date but keeps the tags).</summary>
    public static Task MoveTagsAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id, DateOnly date) =>
        connection.ExecuteAsync(
            "UPDATE transaction_tags SET booking_date = @day WHERE transaction_id = @id AND user_id = @userId",
            new { id, userId, day = date.ToDateTime(TimeOnly.MinValue) }, transaction);

    private static DynamicParameters Parameters(long userId, TransactionInput input, string currency)
    {
        var parameters = new DynamicParameters(input);
        parameters.Add("userId", userId);
        parameters.Add("currency", currency);
        parameters.Add("bookingDate", input.Date.ToDateTime(TimeOnly.MinValue));
        return parameters;
    }
}
