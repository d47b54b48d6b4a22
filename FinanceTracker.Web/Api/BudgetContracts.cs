namespace FinanceTracker.Web.Api;

// Mirrors of the Api's /api/budgets JSON (FinanceTracker.Api/Budgets/BudgetContracts.cs); ContractMirrorTests keeps them equal.

/// <summary>A month's whole budget in one currency: lines left out are removed.</summary>
public sealed record BudgetRequest(string? Currency, List<BudgetLineRequest>? Lines);

public sealed record BudgetLineRequest(long? CategoryId, decimal? Amount, bool Rollover = false);

public sealed record BudgetResponse(
    string Month,
    string Currency,
    IReadOnlyList<BudgetLine> Lines,
    BudgetTotals Totals,
    IReadOnlyList<UnbudgetedSpending> Unbudgeted);

/// <summary>Budgeted = Amount + RolledOver (last month's unspent remainder when that line rolled over); Remaining is negative when over.</summary>
public sealed record BudgetLine(
    long CategoryId,
    string Name,
    long? ParentId,
    decimal Amount,
    decimal RolledOver,
    bool Rollover,
    decimal Budgeted,
    decimal Spent,
    decimal Remaining,
    decimal? PercentUsed,
    bool Over);

public sealed record BudgetTotals(decimal Budgeted, decimal Spent, decimal Remaining);

/// <summary>Spending no line covers; a null category is uncategorised.</summary>
public sealed record UnbudgetedSpending(long? CategoryId, string Name, decimal Spent);
