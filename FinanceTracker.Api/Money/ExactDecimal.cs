using System.Globalization;

namespace FinanceTracker.Api.Money;

/// <summary>
/// Whether a decimal is exactly the number a client wrote. decimal.Parse rounds what it cannot hold
/// (1e-30 becomes 0, a 30th decimal place vanishes), and a rounded amount passes every decimal-places check.
/// </summary>
public static class ExactDecimal
{
    /// <summary>True when <paramref name="text"/> (sign, digits, point, exponent) is the same number as <paramref name="value"/>.</summary>
    public static bool Represents(ReadOnlySpan<char> text, decimal value) =>
        Canonical(text) is { } written && written == Canonical(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>"-0012.3400e1" → "-1234e-1", any zero → "0"; null when the exponent is beyond any decimal.</summary>
    private static string? Canonical(ReadOnlySpan<char> text)
    {
        var sign = text is ['-', ..] ? "-" : "";
        if (text is ['-' or '+', ..])
        {
            text = text[1..];
        }
        var e = text.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
        var significant = digits.TrimStart('0');
        if (significant.Length == 0)
        {
            return "0";
        }
        var written = 0;
        if (e >= 0 && !int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out written))
        {
            return null;
        }
        var trimmed = significant.TrimEnd('0');
        var fractionDigits = point < 0 ? 0 : mantissa.Length - point - 1;
        var exponent = (long)written - fractionDigits + (significant.Length - trimmed.Length);
        return $"{sign}{trimmed}e{exponent}";
    }
}
