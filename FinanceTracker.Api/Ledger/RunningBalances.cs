using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Ledger;

/// <summary>
/// An account's balance after each of some of its rows, in the ledger's order (date, then id), from its whole history:
/// the opening balance, plus the account's whole months before the row's month from monthly_totals, plus the rows of
/// the row's own month up to it. So a page costs its months' rows, never a scan of the account, and a filter that hides
/// rows never changes the balance of those it shows. One statement, so one consistent snapshot.
/// </summary>
internal static class RunningBalances
{
    public static async Task<Dictionary<long, decimal>> AfterAsync(
        MySqlConnection connection, long userId, long accountId, IReadOnlyList<(long Id, DateOnly Date)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var parameters = new DynamicParameters(new { userId, accountId, ids = rows.Select(r => r.Id).ToList() });
        var months = rows.Select(r => new DateOnly(r.Date.Year, r.Date.Month, 1)).Distinct().Order().ToList();
        var inMonths = string.Join(" OR ", months.Select((month, i) =>
        {
            parameters.Add($"m{i}", month.ToDateTime(TimeOnly.MinValue));
            parameters.Add($"n{i}", month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
            return $"(t.booking_date >= @m{i} AND t.booking_date < @n{i})";
        }));
        parameters.Add("lastMonth", months[^1].ToDateTime(TimeOnly.MinValue));
        var sql = $"""
            WITH month_sums AS (
                SELECT month, SUM(income + spending) AS net FROM monthly_totals
                WHERE user_id = @userId AND account_id = @accountId AND month <= @lastMonth
                GROUP BY month),
            before_month AS (
                SELECT month, SUM(net) OVER (ORDER BY month) - net AS before_total FROM month_sums),
            in_month AS (
                SELECT t.id, t.booking_date,
                       SUM(t.amount) OVER (PARTITION BY EXTRACT(YEAR_MONTH FROM t.booking_date) ORDER BY t.booking_date, t.id) AS running
                FROM transactions t FORCE INDEX (ix_transactions_user_account_date)
                WHERE t.user_id = @userId AND t.account_id = @accountId AND ({inMonths}))
            SELECT r.id, a.opening_balance + COALESCE(b.before_total, 0) + r.running AS balance
            FROM in_month r
            JOIN accounts a ON a.id = @accountId AND a.user_id = @userId
            LEFT JOIN before_month b ON b.month = DATE_FORMAT(r.booking_date, '%Y-%m-01')
            WHERE r.id IN @ids
            """;
        var balances = await connection.QueryAsync<(long Id, decimal Balance)>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return balances.ToDictionary(b => b.Id, b => b.Balance);
    }
}
