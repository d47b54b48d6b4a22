using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Receipts;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>A validated transaction of a batched write (an import, a restore); the currency is its account's.</summary>
internal sealed record BatchTransaction(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency, string Payee, string Notes)
{
    public long? ImportId { get; init; }

    /// <summary>The de-duplication key of an imported row (unique per person), or null.</summary>
    public byte[]? ImportKey { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>A split transaction's parts (its own category is then null); empty for a plain row.</summary>
    public IReadOnlyList<SplitPart> Parts { get; init; } = [];

    /// <summary>One side of a transfer: kept out of income and spending (the caller links the sides).</summary>
    public bool IsTransfer { get; init; }
}

/// <summary>
/// The batched form of <see cref="TransactionWrites.InsertAsync"/> for big writes (an import, a restore): multi-row
/// INSERTs of rows, tags and split parts in the caller's DB transaction, then each account's running total and the
/// monthly totals applied once per (month, account, category) instead of once per row: the same numbers the row-by-row
/// path reaches. The caller has locked the accounts (or created them in its transaction) and checked the categories.
/// </summary>
internal static class TransactionBatches
{
    // Three parameters a row (its texts; numbers, dates and keys are written as literals): a statement stays far under
    // MariaDB's 65,535 placeholders, and under max_allowed_packet (64 MB here) even with 2,000-character notes.
    private const int RowsPerStatement = 1000;

    private const int TagsPerStatement = 1000;

    /// <summary>
    /// Inserts the rows and applies their effect on the ledger; returns their new ids in the order given, or, with
    /// <paramref name="returnIds"/> false, nothing (the ids are then read back only for rows with tags or split parts).
    /// </summary>
    public static async Task<long[]> InsertAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<BatchTransaction> rows, bool returnIds = true)
    {
        var ids = new long[rows.Count];
        var offset = 0;
        // The next statement is written while the server runs the one before: on one connection, one at a time.
        Task? running = null;
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var needIds = returnIds || chunk.Any(r => r.Tags.Count > 0 || r.Parts.Count > 0);
            var statement = InsertStatement(userId, chunk);
            if (running is not null)
            {
                await running;
            }
            running = RunInsertAsync(connection, transaction, userId, statement, needIds ? ids.AsMemory(offset, chunk.Length) : Memory<long>.Empty);
            offset += chunk.Length;
        }
        if (running is not null)
        {
            await running;
        }
        await InsertTagsAsync(connection, transaction, userId, rows.SelectMany((row, i) => row.Tags.Select(tag => (ids[i], tag, row.Date))).ToList());
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Parts.Count > 0)
            {
                await Splits.ReplaceAsync(connection, transaction, userId, ids[i], rows[i].Parts);
            }
        }
        foreach (var account in rows.GroupBy(r => r.AccountId).OrderBy(a => a.Key))
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET transactions_total = transactions_total + @delta WHERE id = @accountId AND user_id = @userId",
                new { delta = account.Sum(r => r.Amount), accountId = account.Key, userId }, transaction);
        }
        await MonthlyTotals.ApplyManyAsync(connection, transaction, userId,
            rows.SelectMany(r => LedgerEffect.Of(r.AccountId, r.CategoryId, r.Date, r.Amount, r.Currency, r.IsTransfer, r.Parts)), +1);
        return returnIds ? ids : [];
    }

    /// <summary>One multi-row INSERT of the rows.</summary>
    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (string Sql, DynamicParameters Parameters) InsertStatement(long userId, BatchTransaction[] rows)
    {
        var sql = new StringBuilder(
            "INSERT INTO transactions (user_id, account_id, category_id, booking_date, amount, currency, payee, notes, import_id, import_key) VALUES ",
            200 + rows.Length * 160);
        var parameters = new DynamicParameters();
        var user = userId.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            // Only numbers, ISO dates and hex reach the SQL text, each formatted here from its typed value.
            sql.Append(i == 0 ? "(" : ",(").Append(user)
                .Append(',').Append(row.AccountId.ToString(CultureInfo.InvariantCulture))
                .Append(',').Append(row.CategoryId is { } category ? category.ToString(CultureInfo.InvariantCulture) : "NULL")
                .Append(",'").Append(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                .Append("',").Append(row.Amount.ToString(CultureInfo.InvariantCulture))
                .Append(CultureInfo.InvariantCulture, $",@u{i},@p{i},@n{i},")
                .Append(row.ImportId is { } import ? import.ToString(CultureInfo.InvariantCulture) : "NULL")
                .Append(',').Append(row.ImportKey is { } key ? $"X'{Convert.ToHexString(key)}'" : "NULL")
                .Append(')');
            parameters.Add($"u{i}", row.Currency);
            parameters.Add($"p{i}", row.Payee);
            parameters.Add($"n{i}", row.Notes);
        }
        return (sql.ToString(), parameters);
    }

    /// <summary>Runs one INSERT; when <paramref name="ids"/> has room (one per row), reads the new rows' ids into it.</summary>
    private static async Task RunInsertAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, (string Sql, DynamicParameters Parameters) statement, Memory<long> ids)
    {
        if (ids.IsEmpty)
        {
            await connection.ExecuteAsync(statement.Sql, statement.Parameters, transaction);
            return;
        }
        var first = await connection.ExecuteScalarAsync<long>(statement.Sql + "; SELECT LAST_INSERT_ID();", statement.Parameters, transaction);

        // One statement's rows get increasing ids from the first on, in the order written, and nothing else of this
        // person's can be inserted in between (their accounts are locked): the next rows by id are exactly these.
        var found = (await connection.QueryAsync<long>(
            "SELECT id FROM transactions WHERE user_id = @userId AND id >= @first ORDER BY id LIMIT @count",
            new { userId, first, count = ids.Length }, transaction)).ToArray();
        if (found.Length != ids.Length)
        {
            throw new InvalidOperationException($"Inserted {ids.Length} transactions but found {found.Length}.");
        }
        found.CopyTo(ids);
    }

    /// <summary>
    /// As <see cref="TransactionWrites"/> does: the column's collation merges spellings of one tag, keeping the first; each
    /// tag row carries its transaction's date.
    /// </summary>
    private static async Task InsertTagsAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<(long Id, string Tag, DateOnly Date)> tags)
    {
        foreach (var chunk in tags.Chunk(TagsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO transaction_tags (transaction_id, user_id, tag, booking_date) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"(@t{i},@userId,@g{i},@d{i})");
                parameters.Add($"t{i}", chunk[i].Id);
                parameters.Add($"g{i}", chunk[i].Tag);
                parameters.Add($"d{i}", chunk[i].Date.ToDateTime(TimeOnly.MinValue));
            }
            sql.Append(" ON DUPLICATE KEY UPDATE tag = transaction_tags.tag");
            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }

    /// <summary>
    /// Deletes every transaction an import added and takes them back out of the running totals and monthly totals.
    /// Accounts are locked before rows, as every write does; returns how many were removed and their receipts' blobs.
    /// </summary>
    public static async Task<(int Removed, IReadOnlyList<string> ReceiptBlobs)> DeleteImportAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long importId)
    {
        var parameters = new { userId, importId };
        var locked = new HashSet<long>();
        List<LedgerEntry> entries;
        while (true)
        {
            var accounts = (await connection.QueryAsync<long>(
                "SELECT DISTINCT account_id FROM transactions WHERE user_id = @userId AND import_id = @importId", parameters, transaction))
                .Where(a => !locked.Contains(a)).ToArray();
            if (accounts.Length > 0)
            {
                await TransactionWrites.LockAccountsAsync(connection, transaction, userId, accounts);
                locked.UnionWith(accounts);
            }
            var rows = (await connection.QueryAsync<(long Id, long AccountId, long? CategoryId, DateTime BookingDate, decimal Amount, string Currency, long? TransferId)>(
                "SELECT id, account_id, category_id, booking_date, amount, currency, transfer_id FROM transactions WHERE user_id = @userId AND import_id = @importId FOR UPDATE",
                parameters, transaction)).ToList();
            // Imported rows are plain, but one may have been split by hand since: its parts left the ledger with it.
            var parts = (await connection.QueryAsync<(long TransactionId, long? CategoryId, decimal Amount, string Notes)>("""
                SELECT s.transaction_id, s.category_id, s.amount, s.notes FROM transaction_splits s
                JOIN transactions t ON t.id = s.transaction_id AND t.user_id = s.user_id
                WHERE t.user_id = @userId AND t.import_id = @importId ORDER BY s.transaction_id, s.position
                """, parameters, transaction)).ToLookup(p => p.TransactionId, p => new SplitPart(p.CategoryId, p.Amount, p.Notes));
            entries = rows.SelectMany(r => LedgerEffect.Of(r.AccountId, r.CategoryId, DateOnly.FromDateTime(r.BookingDate), r.Amount, r.Currency,
                r.TransferId is not null, parts[r.Id].ToList())).ToList();
            // A row moved to another account between the two reads: lock that one too, then read again.
            if (entries.All(e => locked.Contains(e.AccountId)))
            {
                break;
            }
        }

        var receiptBlobs = await BlobDeletions.QueueImportAsync(connection, transaction, userId, importId);
        await connection.ExecuteAsync("DELETE FROM transactions WHERE user_id = @userId AND import_id = @importId", parameters, transaction);
        foreach (var account in entries.GroupBy(e => e.AccountId))
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET transactions_total = transactions_total - @delta WHERE id = @accountId AND user_id = @userId",
                new { delta = account.Sum(e => e.Amount), accountId = account.Key, userId }, transaction);
        }
        await MonthlyTotals.ApplyManyAsync(connection, transaction, userId, entries, -1);
        return (entries.Sum(e => e.Count), receiptBlobs);
    }
}
