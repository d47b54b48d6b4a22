using System.Globalization;
using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>
/// Reads the amounts banks write: <c>-12.50</c>, <c>1,234.56</c>, <c>1.234,56</c>, <c>(12.50)</c>, <c>12.50-</c>,
/// <c>12,50 CR</c>/<c>DR</c>, <c>-$7,971.39</c>. With no decimal separator given, a lone separator followed by
/// exactly three digits is read as a thousands separator, any other lone one as the decimal point.
/// </summary>
public static class AmountText
{
    public static bool TryParse(string? text, out decimal amount, char? decimalSeparator = null)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var s = text.Trim();
        var negative = false;
        if (EndsWithWord(ref s, "CR"))
        {
            negative = false;
        }
        else if (EndsWithWord(ref s, "DR"))
        {
            negative = true;
        }
        if (s.StartsWith('(') && s.EndsWith(')'))
        {
            negative = !negative;
            s = s[1..^1].Trim();
        }
        if (s.EndsWith('-'))
        {
            negative = !negative;
            s = s[..^1].Trim();
        }
        var digits = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '-' && digits.Length == 0 && !negative)
            {
                negative = true;
            }
            else if (c == '+' && digits.Length == 0)
            {
            }
            else if (char.IsAsciiDigit(c) || c is '.' or ',')
            {
                digits.Append(c);
            }
            else if (char.IsWhiteSpace(c) || c is '\'' or '\u00A0' or '\u202F' || char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol)
            {
                // Currency symbols and space or apostrophe digit grouping carry no value.
            }
            else
            {
                return false;
            }
        }
        var number = Canonical(digits.ToString(), decimalSeparator);
        if (number is null || !decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
        {
            return false;
        }
        amount = negative ? -amount : amount;
        return true;
    }

    private static bool EndsWithWord(ref string s, string word)
    {
        if (s.Length > word.Length && s.EndsWith(word, StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^word.Length].Trim();
            return true;
        }
        return false;
    }

    /// <summary>The digits with only a '.' decimal point left, or null when the separators make no sense.</summary>
    private static string? Canonical(string s, char? decimalSeparator)
    {
        if (s.Length == 0 || !s.Any(char.IsAsciiDigit))
        {
            return null;
        }
        var dec = decimalSeparator ?? GuessDecimal(s);
        var group = dec == '.' ? ',' : '.';
        var result = s.Replace(group.ToString(), "", StringComparison.Ordinal);
        if (dec is { } point)
        {
            if (result.Count(c => c == point) > 1)
            {
                return null;
            }
            result = result.Replace(point, '.');
        }
        return result;
    }

    private static char? GuessDecimal(string s)
    {
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastDot >= 0 && lastComma >= 0)
        {
            return lastDot > lastComma ? '.' : ',';
        }
        var last = Math.Max(lastDot, lastComma);
        if (last < 0)
        {
            return null;
        }
        var separator = s[last];
        var lone = s.IndexOf(separator) == last;
        var digitsAfter = s.Length - last - 1;
        return lone && digitsAfter != 3 ? separator : (separator == '.' ? ',' : '.');
    }
}
