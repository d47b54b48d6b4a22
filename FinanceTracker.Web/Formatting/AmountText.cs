using System.Globalization;

namespace FinanceTracker.Web.Formatting;

/// <summary>Reads an amount as people type it: "42.10", "-42,10", "+1 250.00", "−5".</summary>
public static class AmountText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var normalized = text.Trim().Replace(MoneyFormatter.Minus, "-").Replace(" ", "").Replace("\u00A0", "");
        // A lone comma is a decimal separator ("42,10"); with a dot present, commas group thousands.
        normalized = normalized.Contains('.') ? normalized.Replace(",", "") : normalized.Replace(',', '.');
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when the person typed a sign themselves, which then wins over the category's direction.</summary>
    public static bool HasExplicitSign(string? text) =>
        text?.TrimStart() is { Length: > 0 } t && (t[0] is '-' or '+' || t.StartsWith(MoneyFormatter.Minus, StringComparison.Ordinal));

    /// <summary>The text without its leading sign ("-42.10" → "42.10"); the direction is kept elsewhere.</summary>
    public static string? WithoutSign(string? text) =>
        HasExplicitSign(text) ? text!.TrimStart()[1..].TrimStart() : text;
}
