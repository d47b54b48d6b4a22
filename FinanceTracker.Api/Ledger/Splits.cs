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
        MySqlConnection connection, MySqlTransaction? transaction, long userId, IReadOnlyCollection<long> transactionIds, CancellationToken cancellationToken = default)
    {
        if (transactionIds.Count == 0)
        {
            return Array.Empty<(long, SplitPart)>().ToLookup(x => x.Item1, x => x.Item2);
        }
        var rows = await connection.QueryAsync<(long TransactionId, long? CategoryId, decimal Amount, string Notes)>(new CommandDefinition("""
            SELECT transaction_id, category_id, amount, notes FROM transaction_splits
            WHERE user_id = @userId AND transaction_id IN @transactionIds ORDER BY transaction_id, position
            """, new { userId, transactionIds }, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.TransactionId, r => new SplitPart(r.CategoryId, r.Amount, r.Notes));
    }
}
