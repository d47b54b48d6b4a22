using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>How the form records money: one category, parts in several categories, or a transfer between accounts.</summary>
public enum TransactionFormMode { Single, Split, Transfer }

/// <summary>One part of a split as the form edits it: typed without a sign, like the total, which gives it its direction.</summary>
public sealed class SplitLine
{
    public long? CategoryId { get; set; }
    public string? Amount { get; set; }
    public string? Notes { get; set; }

    public decimal? Value => AmountText.TryParse(Amount, out var value) ? Math.Abs(value) : null;
}
