namespace FinanceTracker.Api.Budgets;

/// <summary>A category as budgets see it: its place in the tree and whether it is an expense or an income category.</summary>
internal sealed record BudgetCategory(long Id, string Name, long? ParentId, string Kind)
{
    public bool IsExpense => Kind == "expense";
}

/// <summary>A row of budget_lines as Dapper reads it.</summary>
internal sealed record StoredBudgetLine(DateTime Month, long CategoryId, decimal Amount, bool Rollover);

/// <summary>A month's money in and out in one category (monthly_totals summed over accounts), transfers left out.</summary>
internal sealed record CategoryMonthTotals(DateTime Month, long CategoryId, decimal Income, decimal Spending);
