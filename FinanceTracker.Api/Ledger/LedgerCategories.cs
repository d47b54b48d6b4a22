namespace FinanceTracker.Api.Ledger;

/// <summary>
/// The category ids monthly_totals uses besides real categories, and the rule that turns a category's money in and out
/// into income and spending (README, "Income and spending").
/// </summary>
internal static class LedgerCategories
{
    /// <summary>No category: a primary-key column cannot be NULL.</summary>
    public const long None = 0;

    /// <summary>Both sides of every transfer: counted in balances and list totals, skipped by every report and budget.</summary>
    public const long Transfer = -1;

    /// <summary>
    /// Income and spending of rows (alias <paramref name="row"/> with income, spending and category_id columns) after the
    /// category's kind is joined as <paramref name="category"/>.kind: an expense category's net is spending (refunds lower
    /// it), an income category's net is income (money out lowers it), uncategorised money in is income and out is spending.
    /// </summary>
    public static string IncomeSql(string row, string category) =>
        $"CASE {category}.kind WHEN 'expense' THEN 0 WHEN 'income' THEN {row}.income + {row}.spending ELSE {row}.income END";

    /// <inheritdoc cref="IncomeSql"/>
    public static string SpendingSql(string row, string category) =>
        $"CASE {category}.kind WHEN 'expense' THEN {row}.income + {row}.spending WHEN 'income' THEN 0 ELSE {row}.spending END";

    /// <summary>The part of one signed amount (of a row or split part) that is spending, as a negative number, by the same rule.</summary>
    public static string SpendingOfAmountSql(string amount, string category) =>
        $"CASE {category}.kind WHEN 'expense' THEN {amount} WHEN 'income' THEN 0 ELSE LEAST({amount}, 0) END";
}
