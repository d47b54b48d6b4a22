using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Budgets;

/// <summary>
/// One month's budget in one currency, replacing what was set before for that month and currency. A line per expense
/// category; <see cref="BudgetLineRequest.Rollover"/> carries the line's unspent remainder into the next month.
/// </summary>
public sealed record BudgetRequest(
    [Required] string? Currency,
    [Required] List<BudgetLineRequest>? Lines);

/// <summary>Checked by <see cref="BudgetRules"/>, so each error names its line (<c>lines[2].amount</c>).</summary>
public sealed record BudgetLineRequest(long? CategoryId, decimal? Amount, bool Rollover = false);

/// <summary>
/// A month's budget against what was spent. <see cref="BudgetLine.Spent"/> is minus the sum of the month's amounts in the
/// category and its subcategories (split parts in their own category, refunds lowering it, transfers left out).
/// </summary>
public sealed record BudgetResponse(
    string Month,
    string Currency,
    IReadOnlyList<BudgetLine> Lines,
    BudgetTotals Totals,
    IReadOnlyList<UnbudgetedSpending> Unbudgeted);

/// <summary>
/// <see cref="Budgeted"/> = <see cref="Amount"/> (what was set for the month) + <see cref="RolledOver"/> (the previous
/// month's unspent remainder when that month's line rolls over); <see cref="Remaining"/> = budgeted − spent, negative
/// when over; <see cref="PercentUsed"/> = spent ÷ budgeted × 100 to one decimal, null when nothing is budgeted.
/// </summary>
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

/// <summary>The sums of the lines.</summary>
public sealed record BudgetTotals(decimal Budgeted, decimal Spent, decimal Remaining);

/// <summary>Spending in the month that no line covers (its category and every parent of it have none); a null id is uncategorised.</summary>
public sealed record UnbudgetedSpending(long? CategoryId, string Name, decimal Spent);
