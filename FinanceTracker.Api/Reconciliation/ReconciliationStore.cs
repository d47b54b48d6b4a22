using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Reconciliation;

/// <summary>The SQL of cleared and reconciled rows; every statement is scoped by user_id.</summary>
internal static class ReconciliationStore
{
    public sealed record AccountState(string Currency, decimal OpeningBalance, DateTime? ReconciledThrough, decimal? ReconciledBalance);

    public sealed record RowState(bool Cleared, bool Reconciled);

    public sealed record ClearedSums(decimal Cleared, long ClearedCount, long UnclearedCount);

    public static Task<AccountState?> AccountAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long accountId) =>
        connection.QuerySingleOrDefaultAsync<AccountState>(
            "SELECT currency, opening_balance, reconciled_through, reconciled_balance FROM accounts WHERE id = @accountId AND user_id = @userId",
            new { accountId, userId }, transaction);

    /// <summary>The cleared rows' sum and the counts of rows dated on or before <paramref name="through"/>.</summary>
    public static Task<ClearedSums> SumsAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long accountId, DateOnly through) =>
        connection.QuerySingleAsync<ClearedSums>("""
            SELECT COALESCE(SUM(CASE WHEN cleared THEN amount END), 0) AS cleared,
                   CAST(COALESCE(SUM(cleared), 0) AS SIGNED) AS cleared_count,
                   CAST(COALESCE(SUM(NOT cleared), 0) AS SIGNED) AS uncleared_count
            FROM transactions FORCE INDEX (ix_transactions_user_account_date)
            WHERE user_id = @userId AND account_id = @accountId AND booking_date <= @through
            """, new { userId, accountId, through = through.ToDateTime(TimeOnly.MinValue) }, transaction);

    /// <summary>The row's state, or null when it is not the caller's.</summary>
    public static Task<RowState?> StateAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long id) =>
        connection.QuerySingleOrDefaultAsync<RowState?>(
            "SELECT cleared, reconciled FROM transactions WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);

    /// <summary>
    /// Whether changing or deleting the row touches a reconciled row: the row itself, or the other side of its transfer
    /// (a transfer's sides change and go together).
    /// </summary>
    public static Task<bool> TouchesReconciledAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id) =>
        connection.ExecuteScalarAsync<bool>("""
            SELECT EXISTS (
                SELECT 1 FROM transactions t
                LEFT JOIN transactions o ON o.transfer_id = t.transfer_id AND o.user_id = t.user_id AND o.id <> t.id
                WHERE t.id = @id AND t.user_id = @userId AND (t.reconciled OR COALESCE(o.reconciled, FALSE)))
            """, new { id, userId }, transaction);

    public static Task SetClearedAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id, bool cleared) =>
        connection.ExecuteAsync(
            "UPDATE transactions SET cleared = @cleared, reconciled = reconciled AND @cleared WHERE id = @id AND user_id = @userId",
            new { id, userId, cleared }, transaction);

    /// <summary>Clears the account's rows among <paramref name="ids"/> dated on or before <paramref name="through"/>; returns the ids that are not such rows.</summary>
    public static async Task<IReadOnlyList<long>> ClearAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long accountId, DateOnly through, IReadOnlyList<long> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var parameters = new { userId, accountId, through = through.ToDateTime(TimeOnly.MinValue), ids };
        var found = (await connection.QueryAsync<long>("""
            SELECT id FROM transactions WHERE user_id = @userId AND account_id = @accountId AND booking_date <= @through AND id IN @ids FOR UPDATE
            """, parameters, transaction)).ToHashSet();
        await connection.ExecuteAsync(
            "UPDATE transactions SET cleared = TRUE WHERE user_id = @userId AND account_id = @accountId AND booking_date <= @through AND id IN @ids",
            parameters, transaction);
        return ids.Where(id => !found.Contains(id)).Distinct().ToList();
    }

    /// <summary>Every cleared row up to the statement date becomes reconciled; the account remembers the statement.</summary>
    public static async Task<int> ReconcileAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long accountId, DateOnly through, decimal balance)
    {
        var parameters = new { userId, accountId, through = through.ToDateTime(TimeOnly.MinValue), balance };
        var count = await connection.ExecuteAsync("""
            UPDATE transactions SET reconciled = TRUE
            WHERE user_id = @userId AND account_id = @accountId AND booking_date <= @through AND cleared AND NOT reconciled
            """, parameters, transaction);
        await connection.ExecuteAsync(
            "UPDATE accounts SET reconciled_through = @through, reconciled_balance = @balance WHERE id = @accountId AND user_id = @userId",
            parameters, transaction);
        return count;
    }
}
