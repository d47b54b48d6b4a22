using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Budgets;

/// <summary>One expense category on the budget page: what is typed for it, and the saved line's figures (null: no line).</summary>
public sealed class BudgetRow(long categoryId, string name, int depth)
{
    public long CategoryId { get; } = categoryId;

    public string Name { get; } = name;

    /// <summary>0 for a top-level category, 1 for its subcategories, and so on.</summary>
    public int Depth { get; } = depth;

    public BudgetLine? Line { get; set; }

    public string? AmountText { get; set; }

    public bool Rollover { get; set; }

    /// <summary>The amount and rollover as last loaded or saved, to tell whether the row has unsaved edits.</summary>
    public (string Amount, bool Rollover) Saved { get; set; } = ("", false);

    public bool IsChanged => (AmountText?.Trim() ?? "") != Saved.Amount || Rollover != Saved.Rollover;

    /// <summary>What is wrong with <see cref="AmountText"/>, from the page's own check or from the Api.</summary>
    public string? Error { get; set; }

    /// <summary>Sent when an amount is typed or the remainder should roll over; an empty row has no line.</summary>
    public bool HasInput => !string.IsNullOrWhiteSpace(AmountText) || Rollover;
}
