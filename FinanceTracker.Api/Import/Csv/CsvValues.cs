using System.Globalization;
using System.Text.RegularExpressions;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>What a CSV cell holds: a date (with any time of day left off), an amount, money, a debit/credit word.</summary>
internal static partial class CsvValues
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "-" };

    private static readonly HashSet<string> DebitWords = new(["d", "dr", "db", "debit", "debet", "af", "s", "soll", "-", "debito", "cargo", "out"], StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> CreditWords = new(["c", "cr", "credit", "bij", "h", "haben", "+", "credito", "abono", "in"], StringComparer.OrdinalIgnoreCase);

    /// <summary>"2026-03-14 10:22:33" and "2026-03-14T10:22" are read by their date; "14 Mar 2026" is left whole.</summary>
    public static ReadOnlySpan<char> DatePart(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var colon = text.IndexOf(':');
        if (colon < 0)
        {
            return text;
        }
        var cut = text[..colon].LastIndexOfAny(' ', 'T');
        return cut > 0 ? text[..cut].TrimEnd() : text;
    }

    public static bool TryParseDate(ReadOnlySpan<char> text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(DatePart(text), format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)
        && date.Year is >= 1900 and <= 2200;

    public static bool IsDate(string text) => DateFormatSniffer.Candidates.Any(f => TryParseDate(text, f, out _));

    /// <summary>
    /// The formats that read the most of <paramref name="values"/> (at least 80% of them), in preference order, keeping only
    /// the first of formats that read every value to the same date (dd/MM/yyyy and d/M/yyyy): more than one left is ambiguous.
    /// </summary>
    public static IReadOnlyList<string> DateFormats(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return [];
        }
        // The full read narrows what is still open (CsvDateReader), so a short sample is enough here.
        values = values.Count > 200 ? values.Take(200).ToList() : values;
        var readings = DateFormatSniffer.Candidates
            .Select(f => (Format: f, Dates: values.Select(v => TryParseDate(v, f, out var d) ? d : (DateOnly?)null).ToArray()))
            .Select(r => (r.Format, r.Dates, Count: r.Dates.Count(d => d is not null)))
            .ToList();
        var best = readings.Max(r => r.Count);
        if (best == 0 || best * 5 < values.Count * 4)
        {
            return [];
        }
        var kept = new List<(string Format, DateOnly?[] Dates)>();
        foreach (var reading in readings.Where(r => r.Count == best))
        {
            if (!kept.Any(k => k.Dates.SequenceEqual(reading.Dates)))
            {
                kept.Add((reading.Format, reading.Dates));
            }
        }
        return kept.Select(k => k.Format).ToList();
    }

    public static bool IsAmount(string text) => AmountText.TryParse(text, out _);

    /// <summary>Reads an amount with a known decimal separator; plain numbers take a fast path that allocates nothing.</summary>
    public static bool TryParseAmount(ReadOnlySpan<char> text, char decimalSeparator, out decimal amount)
    {
        text = text.Trim();
        var format = decimalSeparator == ',' ? DecimalComma : NumberFormatInfo.InvariantInfo;
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, format, out amount)
            || AmountText.TryParse(text.ToString(), out amount, decimalSeparator);
    }

    /// <summary>An amount written as money (decimals, a sign, brackets, a currency, CR/DR), not a plain count or id.</summary>
    public static bool LooksLikeMoney(string text) => IsAmount(text) && MoneyMarks().IsMatch(text);

    /// <summary>-1 for a debit word, +1 for a credit word, 0 for anything else.</summary>
    public static int Sign(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        var lookup = DebitWords.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(trimmed))
        {
            return -1;
        }
        return CreditWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed) ? 1 : 0;
    }

    /// <summary>
    /// The decimal separator the amounts use: '.' or ','. A value with both, a repeated one or a lone one not followed by exactly
    /// three digits decides; values like "1,234" only lean (thousands), and then <paramref name="sure"/> is false.
    /// </summary>
    public static char DecimalSeparator(IEnumerable<string> values, out bool sure)
    {
        int dot = 0, comma = 0, leanDot = 0, leanComma = 0;
        foreach (var value in values)
        {
            var lastDot = value.LastIndexOf('.');
            var lastComma = value.LastIndexOf(',');
            if (lastDot < 0 && lastComma < 0)
            {
                continue;
            }
            if (lastDot >= 0 && lastComma >= 0)
            {
                _ = lastDot > lastComma ? dot++ : comma++;
                continue;
            }
            var separator = lastDot >= 0 ? '.' : ',';
            var at = Math.Max(lastDot, lastComma);
            var digitsAfter = value.AsSpan(at + 1).IndexOfAnyExceptInRange('0', '9') is var n && n < 0 ? value.Length - at - 1 : n;
            var repeated = value.IndexOf(separator) != at;
            if (repeated || digitsAfter == 3)
            {
                // "1.234.567" or "1,234": the separator groups thousands, so the decimal one is the other.
                _ = separator == '.' ? (repeated ? comma++ : leanComma++) : (repeated ? dot++ : leanDot++);
            }
            else
            {
                _ = separator == '.' ? dot++ : comma++;
            }
        }
        sure = dot + comma > 0 || leanDot + leanComma == 0;
        if (dot + comma > 0)
        {
            return comma > dot ? ',' : '.';
        }
        return leanComma > leanDot ? ',' : '.';
    }

    [GeneratedRegex(@"[.,]\d{1,2}(?!\d)|[-+()$€£¥]|(CR|DR)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoneyMarks();
}
