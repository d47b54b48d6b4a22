using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Payees;

/// <summary>
/// The SQL of payees, read from the transactions themselves through the (user_id, payee, booking_date, id) index: a
/// person's distinct payees are few even when their rows are many. Every statement is scoped by user_id.
/// </summary>
internal static class PayeeStore
{
    private sealed record PayeeRow(string Name, long Count, DateTime LastDate, long? LastCategoryId);

    /// <summary>Payees starting with <paramref name="prefix"/> (all when empty), most used first.</summary>
    public static async Task<IReadOnlyList<PayeeResponse>> ListAsync(MySqlConnection connection, long userId, string prefix, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT p.name, p.count, p.last_date,
                   (SELECT x.category_id FROM transactions x FORCE INDEX (ix_transactions_user_payee)
                    WHERE x.user_id = @userId AND x.payee = p.name ORDER BY x.booking_date DESC, x.id DESC LIMIT 1) AS last_category_id
            FROM (
                SELECT MIN(t.payee) AS name, COUNT(*) AS count, MAX(t.booking_date) AS last_date
                FROM transactions t FORCE INDEX (ix_transactions_user_payee)
                WHERE t.user_id = @userId AND t.payee <> '' AND t.payee LIKE CONCAT(@prefix, '%') AND t.transfer_id IS NULL
                GROUP BY t.payee
                ORDER BY count DESC, name
                LIMIT @limit) p
            ORDER BY p.count DESC, p.name
            """;
        var escaped = prefix.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        var rows = await connection.QueryAsync<PayeeRow>(new CommandDefinition(sql, new { userId, prefix = escaped, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new PayeeResponse(r.Name, r.Count, DateOnly.FromDateTime(r.LastDate), r.LastCategoryId)).ToList();
    }

    /// <summary>Rewrites the payees (not transfer sides, whose payee describes the move) in one database transaction; each changed row's version moves on, so a stale edit is refused.</summary>
    public static async Task<MergePayeesResult> MergeAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<string> from, string into)
    {
        var parameters = new { userId, from, into };
        var transactions = await connection.ExecuteAsync("""
            UPDATE transactions SET payee = @into, version = version + 1, updated_at = UTC_TIMESTAMP(6)
            WHERE user_id = @userId AND payee IN @from AND payee COLLATE utf8mb4_bin <> @into AND transfer_id IS NULL
            """, parameters, transaction);
        var rules = await connection.ExecuteAsync("""
            UPDATE recurring_rules SET payee = @into, revision = revision + 1, updated_at = UTC_TIMESTAMP(6)
            WHERE user_id = @userId AND payee IN @from AND payee COLLATE utf8mb4_bin <> @into
            """, parameters, transaction);
        return new MergePayeesResult(into, transactions, rules);
    }

    public static Task<bool> AnyAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<string> names) =>
        connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM transactions WHERE user_id = @userId AND payee IN @names AND transfer_id IS NULL)", new { userId, names }, transaction);
}
