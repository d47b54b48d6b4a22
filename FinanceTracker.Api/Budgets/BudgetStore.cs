using Dapper;
using FinanceTracker.Api.Ledger;
using MySqlConnector;

namespace FinanceTracker.Api.Budgets;

/// <summary>The SQL of budgets; every statement is scoped by user_id.</summary>
internal static class BudgetStore
{
    public static async Task<IReadOnlyList<BudgetCategory>> CategoriesAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId) =>
        (await connection.QueryAsync<BudgetCategory>(
            "SELECT id, name, parent_id, kind FROM categories WHERE user_id = @userId", new { userId }, transaction)).ToList();

    /// <summary>The currency of the person's first account: what a budget is in when none is named.</summary>
    public static Task<string?> DefaultCurrencyAsync(MySqlConnection connection, long userId) =>
        connection.ExecuteScalarAsync<string?>("SELECT currency FROM accounts WHERE user_id = @userId ORDER BY id LIMIT 1", new { userId });

    public static async Task<IReadOnlyList<StoredBudgetLine>> LinesAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, string currency, DateOnly from, DateOnly to) =>
        (await connection.QueryAsync<StoredBudgetLine>("""
            SELECT month, category_id, amount, rollover FROM budget_lines
            WHERE user_id = @userId AND currency = @currency AND month BETWEEN @from AND @to
            """, new { userId, currency, from = Day(from), to = Day(to) }, transaction)).ToList();

    /// <summary>The months (first days) before <paramref name="month"/> that have a line rolling over, newest first.</summary>
    public static async Task<IReadOnlyList<StoredBudgetLine>> RolloverLinesBeforeAsync(
        MySqlConnection connection, long userId, string currency, DateOnly month) =>
        (await connection.QueryAsync<StoredBudgetLine>("""
            SELECT month, category_id, amount, rollover FROM budget_lines
            WHERE user_id = @userId AND currency = @currency AND month < @month AND rollover
            ORDER BY month DESC
            """, new { userId, currency, month = Day(month) })).ToList();

    public static async Task<IReadOnlyList<CategoryMonthTotals>> TotalsAsync(
        MySqlConnection connection, long userId, string currency, DateOnly from, DateOnly to) =>
        (await connection.QueryAsync<CategoryMonthTotals>($"""
            SELECT month, category_id, SUM(income) AS income, SUM(spending) AS spending FROM monthly_totals
            WHERE user_id = @userId AND currency = @currency AND month BETWEEN @from AND @to AND category_id <> {LedgerCategories.Transfer}
            GROUP BY month, category_id
            """, new { userId, currency, from = Day(from), to = Day(to) })).ToList();

    /// <summary>Replaces the month's lines in this currency with <paramref name="lines"/>.</summary>
    public static async Task ReplaceAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, string currency, DateOnly month,
        IEnumerable<(long CategoryId, decimal Amount, bool Rollover)> lines)
    {
        var parameters = new { userId, currency, month = Day(month) };
        await connection.ExecuteAsync(
            "DELETE FROM budget_lines WHERE user_id = @userId AND currency = @currency AND month = @month", parameters, transaction);
        await connection.ExecuteAsync("""
            INSERT INTO budget_lines (user_id, currency, month, category_id, amount, rollover)
            VALUES (@userId, @currency, @month, @categoryId, @amount, @rollover)
            """, lines.Select(l => new { userId, currency, month = Day(month), l.CategoryId, l.Amount, l.Rollover }), transaction);
    }

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);
}
