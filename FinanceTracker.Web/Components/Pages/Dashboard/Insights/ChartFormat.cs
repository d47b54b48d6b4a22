using System.Globalization;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

/// <summary>Labels for chart axes and cells, where space is short; tables and legends use full amounts.</summary>
public static class ChartFormat
{
    /// <summary>e.g. <c>€950</c>, <c>€1.2k</c>, <c>¥48k</c>, <c>CHF 3.4M</c>.</summary>
    public static string Compact(decimal amount, string currency)
    {
        var magnitude = Math.Abs(amount);
        var (scaled, suffix) = magnitude switch
        {
            >= 1_000_000_000m => (magnitude / 1_000_000_000m, "B"),
            >= 1_000_000m => (magnitude / 1_000_000m, "M"),
            >= 1_000m => (magnitude / 1_000m, "k"),
            _ => (magnitude, ""),
        };
        var number = scaled.ToString(suffix.Length > 0 && scaled < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + suffix;
        return (amount < 0 ? MoneyFormatter.Minus : "") + MoneyFormatter.WithCurrency(number, currency);
    }

    public static string Compact(object value, string currency) => Compact(Convert.ToDecimal(value, CultureInfo.InvariantCulture), currency);

    /// <summary>"2026-03" → "Mar 2026" (or "Mar" when <paramref name="withYear"/> is false).</summary>
    public static string Month(string yearMonth, bool withYear = true) =>
        DateOnly.TryParseExact(yearMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString(withYear ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture)
            : yearMonth;

    public static string Percent(decimal share) => share.ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
