using System.Globalization;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Chooses a CSV date column's format from its values: the candidate formats that read every non-empty sample,
/// in preference order. More than one left (all days ≤ 12) means the person must confirm; none means not a date column.
/// </summary>
public static class DateFormatSniffer
{
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "yyyy-MM-dd", "dd/MM/yyyy", "MM/dd/yyyy", "dd.MM.yyyy", "yyyyMMdd", "dd-MM-yyyy", "MM-dd-yyyy",
        "d/M/yyyy", "M/d/yyyy", "d.M.yyyy", "dd/MM/yy", "MM/dd/yy", "dd.MM.yy", "yyyy/MM/dd",
        "d-M-yyyy", "d/M/yy", "M/d/yy", "d.M.yy", "yyyy.MM.dd", "dd MMM yyyy", "d MMM yyyy", "dd-MMM-yyyy", "d-MMM-yyyy",
        "dd-MMM-yy", "dd MMM yy", "MMM d, yyyy",
    ];

    public static IReadOnlyList<string> Sniff(IEnumerable<string> samples)
    {
        var values = samples.Select(s => s.Trim()).Where(s => s.Length > 0).ToList();
        if (values.Count == 0)
        {
            return [];
        }
        return Candidates.Where(format => values.All(v => TryParse(v, format, out _))).ToList();
    }

    public static bool TryParse(string text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
