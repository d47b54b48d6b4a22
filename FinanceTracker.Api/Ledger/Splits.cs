using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Ledger;

/// <summary>The parts of split transactions: written with their transaction, read for pages and for ledger effects.</summary>
internal static class Splits
{
    public static async Task ReplaceAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long transactionId, IReadOnlyList<SplitPart> parts)
    {
        await connection.ExecuteAsync(
            "DELETE FROM transaction_splits WHERE transaction_id = @transactionId AND user_id = @userId", new { transactionId, userId }, transaction);
        if (parts.Count == 0)
        {
            return;
        }
        await connection.ExecuteAsync("""
            INSERT INTO transaction_splits (transaction_id, user_id, category_id, amount, notes, position)
            VALUES (@transactionId, @userId, @CategoryId, @Amount, @Notes, @position)
            """, parts.Select((p, position) => new { transactionId, userId, p.CategoryId, p.Amount, p.Notes, position }), transaction);
    }

    /// <summary>The parts of each of the transactions, in their order; transactions without parts are absent.</summary>
    public static async Task<ILookup<long, SplitPart>> OfAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, IReadOnlyCollection<long> transactionIds, CancellationToken cancellationToken = default) =>
        transactionIds.Count == 0
            ? ToLookup([])
            : ToLookup(await connection.QueryAsync<PartRow>(new CommandDefinition(
                PartsOfSql, new { userId, transactionIds }, transaction, cancellationToken: cancellationToken)));

    /// <summary>The statement of <see cref="OfAsync"/> (parameters @userId, @transactionIds), for a batch of a page's details.</summary>
    public const string PartsOfSql = """
        SELECT transaction_id, category_id, amount, notes FROM transaction_splits
        WHERE user_id = @userId AND transaction_id IN @transactionIds ORDER BY transaction_id, position
        """;

    public static ILookup<long, SplitPart> ToLookup(IEnumerable<PartRow> rows) =>
        rows.ToLookup(r => r.TransactionId, r => new SplitPart(r.CategoryId, r.Amount, r.Notes));

    public sealed record PartRow(long TransactionId, long? CategoryId, decimal Amount, string Notes);
}
