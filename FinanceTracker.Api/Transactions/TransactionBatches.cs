using System.Text;
using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Receipts;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>A transaction of a batch (an import), with the import it came from and its de-duplication key.</summary>
internal sealed record BatchTransaction(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency, string Payee, string Notes,
    long? ImportId, byte[]? ImportKey, string? Tag)
{
    /// <summary>A split transaction's parts (its own category is then null); empty for a plain row.</summary>
    public IReadOnlyList<SplitPart> Parts { get; init; } = [];
}

/// <summary>
/// Many transactions in one DB transaction with the caller: multi-row INSERTs, then each account's running total and the
/// monthly totals applied once per (month, account, category) instead of once per row. The same effect on the ledger as
/// <see cref="TransactionWrites.InsertAsync"/> row by row; the caller has locked the accounts and checked the categories.
/// </summary>
internal static class TransactionBatches
{
    // 9 parameters a row: well under MariaDB's 65,535 placeholders, and a statement of a few hundred KB.
    private const int RowsPerStatement = 1000;

    public static async Task InsertAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<BatchTransaction> rows)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            var sql = new StringBuilder(
                "INSERT INTO transactions (user_id, account_id, category_id, booking_date, amount, currency, payee, notes, import_id, import_key) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                sql.Append(i == 0 ? "" : ",").Append(
                    $"(@userId,@a{i},@c{i},@d{i},@m{i},@cur{i},@p{i},@n{i},@i{i},@k{i})");
                parameters.Add($"a{i}", row.AccountId);
                parameters.Add($"c{i}", row.CategoryId);
                parameters.Add($"d{i}", row.Date.ToDateTime(TimeOnly.MinValue));
                parameters.Add($"m{i}", row.Amount);
                parameters.Add($"cur{i}", row.Currency);
                parameters.Add($"p{i}", row.Payee);
                parameters.Add($"n{i}", row.Notes);
                parameters.Add($"i{i}", row.ImportId);
                parameters.Add($"k{i}", row.ImportKey);
            }
            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }

        await TagAsync(connection, transaction, userId, rows);
        await SplitAsync(connection, transaction, userId, rows);
        foreach (var account in rows.GroupBy(r => r.AccountId))
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET transactions_total = transactions_total + @delta WHERE id = @accountId AND user_id = @userId",
                new { delta = account.Sum(r => r.Amount), accountId = account.Key, userId }, transaction);
        }
        await MonthlyTotals.ApplyManyAsync(connection, transaction, userId,
            rows.SelectMany(r => LedgerEffect.Of(r.AccountId, r.CategoryId, r.Date, r.Amount, r.Currency, isTransfer: false, r.Parts)), +1);
    }

    /// <summary>Writes the parts of the split rows, found again by their import keys (unique per person).</summary>
    private static async Task SplitAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<BatchTransaction> rows)
    {
        foreach (var chunk in rows.Where(r => r.Parts.Count > 0 && r.ImportKey is not null).Chunk(RowsPerStatement))
        {
            var ids = (await connection.QueryAsync<(byte[] Key, long Id)>(
                "SELECT import_key, id FROM transactions WHERE user_id = @userId AND import_key IN @keys",
                new { userId, keys = chunk.Select(r => r.ImportKey!).ToArray() }, transaction))
                .ToDictionary(r => Convert.ToHexString(r.Key), r => r.Id);
            foreach (var row in chunk)
            {
                await Splits.ReplaceAsync(connection, transaction, userId, ids[Convert.ToHexString(row.ImportKey!)], row.Parts);
            }
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

    /// <summary>Tags the new rows, found again by their import keys (unique per person).</summary>
    private static async Task TagAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<BatchTransaction> rows)
    {
        foreach (var tagged in rows.Where(r => r.Tag is not null && r.ImportKey is not null).GroupBy(r => r.Tag!))
        {
            foreach (var chunk in tagged.Select(r => r.ImportKey!).Chunk(RowsPerStatement))
            {
                await connection.ExecuteAsync("""
                    INSERT INTO transaction_tags (transaction_id, user_id, tag)
                    SELECT id, user_id, @tag FROM transactions WHERE user_id = @userId AND import_key IN @keys
                    ON DUPLICATE KEY UPDATE tag = transaction_tags.tag
                    """, new { tag = tagged.Key, userId, keys = chunk }, transaction);
            }
        }
    }
}
