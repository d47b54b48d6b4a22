using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Analytics;

/// <summary>
/// The rows (currency, month, category_id, count, income, spending) of one user's ledger in a date range:
/// whole months from monthly_totals, the partial months at the edges from transactions (split parts each in their own
/// category). Transfers are left out; income and spending follow the category's kind. Reports group the rows.
/// Both halves are summed by (currency, [month,] category) before the categories are joined: the rule is linear in the
/// sums, and all time is 15 years × accounts × categories of monthly_totals (43,000 rows at 1,000,000 transactions) but
/// only some dozens of category rows without the month.
/// </summary>
internal static class LedgerSlice
{
    /// <param name="byMonth">Whether the rows keep their month (else month is null).</param>
    public static string Sql(DynamicParameters parameters, long userId, AnalyticsQuery query, bool byMonth)
    {
        var months = WholeMonths.Of(query.From, query.To);
        parameters.Add("userId", userId);
        parameters.Add("accountId", query.AccountId);
        parameters.Add("firstMonth", months.Any ? months.First!.Value.ToDateTime(TimeOnly.MinValue) : DateTime.MaxValue);
        parameters.Add("lastMonth", months.Any ? months.Last!.Value.ToDateTime(TimeOnly.MinValue) : DateTime.MinValue);

        var edges = months.Edges(query.From, query.To).ToList();
        var edgeConditions = new List<string>();
        for (var i = 0; i < edges.Count; i++)
        {
            edgeConditions.Add($"t.booking_date BETWEEN @edgeFrom{i} AND @edgeTo{i}");
            parameters.Add($"edgeFrom{i}", edges[i].From.ToDateTime(TimeOnly.MinValue));
            parameters.Add($"edgeTo{i}", edges[i].To.ToDateTime(TimeOnly.MinValue));
        }
        var edgeSql = edgeConditions.Count == 0 ? "FALSE" : string.Join(" OR ", edgeConditions);

        // Income and spending by the category's kind (LedgerCategories): refunds lower their category's spending.
        var (monthRow, monthEdge, monthGroup) = byMonth
            ? ("m.month", "CAST(DATE_FORMAT(t.booking_date, '%Y-%m-01') AS DATE)", "month, ")
            : ("NULL", "NULL", "");
        return $"""
            SELECT raw.currency, raw.month, raw.category_id, raw.count,
                   {LedgerCategories.IncomeSql("raw", "c")} AS income, {LedgerCategories.SpendingSql("raw", "c")} AS spending
            FROM (
                SELECT m.currency, {monthRow} AS month, m.category_id, SUM(m.transaction_count) AS count, SUM(m.income) AS income, SUM(m.spending) AS spending
                FROM monthly_totals m
                WHERE m.user_id = @userId AND m.month BETWEEN @firstMonth AND @lastMonth
                  AND (@accountId IS NULL OR m.account_id = @accountId) AND m.category_id <> {LedgerCategories.Transfer}
                GROUP BY currency, {monthGroup}category_id
                UNION ALL
                SELECT edge.currency, edge.month, edge.category_id, SUM(edge.count), SUM(edge.income), SUM(edge.spending)
                FROM (
                    SELECT t.currency, {monthEdge} AS month, COALESCE(s.category_id, t.category_id, 0) AS category_id,
                           IF(s.position IS NULL OR s.position = 0, 1, 0) AS count,
                           GREATEST(COALESCE(s.amount, t.amount), 0) AS income, LEAST(COALESCE(s.amount, t.amount), 0) AS spending
                    FROM transactions t FORCE INDEX (ix_transactions_user_date)
                    LEFT JOIN transaction_splits s ON s.transaction_id = t.id AND s.user_id = t.user_id
                    WHERE t.user_id = @userId AND ({edgeSql}) AND t.transfer_id IS NULL
                      AND (@accountId IS NULL OR t.account_id = @accountId)) edge
                GROUP BY edge.currency, {(byMonth ? "edge.month, " : "")}edge.category_id) raw
            LEFT JOIN categories c FORCE INDEX (PRIMARY) ON c.id = raw.category_id AND c.user_id = @userId
            """;
    }
}
