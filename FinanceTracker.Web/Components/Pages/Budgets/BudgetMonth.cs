using System.Globalization;

namespace FinanceTracker.Web.Components.Pages.Budgets;

/// <summary>A budget month as the address carries it ("2026-11") and as people read it ("November 2026").</summary>
public static class BudgetMonth
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);

    public static string Label(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Url(DateOnly month, string? currency) =>
        $"/budgets?month={month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}"
        + (currency is { Length: > 0 } ? "&currency=" + Uri.EscapeDataString(currency) : "");
}
