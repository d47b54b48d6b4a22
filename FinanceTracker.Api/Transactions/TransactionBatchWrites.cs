using System.Text;
using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>A validated transaction for a batched write; the currency is its account's.</summary>
internal sealed record BatchTransaction(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency, string Payee, string Notes,
    IReadOnlyList<string> Tags, byte[]? ImportKey);

/// <summary>
/// The batched form of <see cref="TransactionWrites.InsertAsync"/> for big writes (a backup restore): multi-row INSERTs of
/// rows and tags inside the caller's DB transaction, their balance and monthly-total effects gathered in a
/// <see cref="LedgerBatch"/> that the caller applies once, before it commits. The accounts must be locked by the caller
/// (or created in its transaction).
/// </summary>
internal static class TransactionBatchWrites
{
    /// <summary>Rows per INSERT: a few hundred keeps a statement well under max_allowed_packet even with 2,000-character notes.</summary>
    public const int RowsPerStatement = 500;

    private const int TagsPerStatement = 1000;

    /// <summary>Inserts up to <see cref="RowsPerStatement"/> rows with their tags; returns their new ids in the order given.</summary>
    public static async Task<long[]> InsertAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<BatchTransaction> rows, LedgerBatch ledger)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows.Count, RowsPerStatement);
        if (rows.Count == 0)
        {
            return [];
        }
        var sql = new StringBuilder(
            "INSERT INTO transactions (user_id, account_id, category_id, booking_date, amount, currency, payee, notes, import_key) VALUES ");
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            sql.Append(i == 0 ? "" : ",").Append($"(@userId,@a{i},@c{i},@d{i},@m{i},@u{i},@p{i},@n{i},@k{i})");
            parameters.Add($"a{i}", row.AccountId);
            parameters.Add($"c{i}", row.CategoryId);
            parameters.Add($"d{i}", row.Date.ToDateTime(TimeOnly.MinValue));
            parameters.Add($"m{i}", row.Amount);
            parameters.Add($"u{i}", row.Currency);
            parameters.Add($"p{i}", row.Payee);
            parameters.Add($"n{i}", row.Notes);
            parameters.Add($"k{i}", row.ImportKey);
        }
        sql.Append("; SELECT LAST_INSERT_ID();");
        var first = await connection.ExecuteScalarAsync<long>(sql.ToString(), parameters, transaction);

        // One statement's rows get increasing ids from the first on, in the order written; nothing else of this user's
        // can be inserted in between (its accounts are locked), so the next rows by id are exactly these.
        var ids = (await connection.QueryAsync<long>(
            "SELECT id FROM transactions WHERE user_id = @userId AND id >= @first ORDER BY id LIMIT @count",
            new { userId, first, count = rows.Count }, transaction)).ToArray();
        if (ids.Length != rows.Count)
        {
            throw new InvalidOperationException($"Inserted {rows.Count} transactions but found {ids.Length}.");
        }

        await InsertTagsAsync(connection, transaction, userId, ids, rows);
        foreach (var row in rows)
        {
            ledger.Add(new LedgerEntry(row.AccountId, row.CategoryId, row.Date, row.Amount, row.Currency));
        }
        return ids;
    }

    /// <summary>As <see cref="TransactionWrites"/> does: the column's collation merges spellings of one tag, keeping the first.</summary>
    private static async Task InsertTagsAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long[] ids, IReadOnlyList<BatchTransaction> rows)
    {
        var tags = rows.SelectMany((row, i) => row.Tags.Select(tag => (Id: ids[i], Tag: tag))).ToList();
        foreach (var chunk in tags.Chunk(TagsPerStatement))
        {
            var sql = new StringBuilder("INSERT INTO transaction_tags (transaction_id, user_id, tag) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ",").Append($"(@t{i},@userId,@g{i})");
                parameters.Add($"t{i}", chunk[i].Id);
                parameters.Add($"g{i}", chunk[i].Tag);
            }
            sql.Append(" ON DUPLICATE KEY UPDATE tag = tag");
            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }
}
