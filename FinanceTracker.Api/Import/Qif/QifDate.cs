using System.Globalization;

namespace FinanceTracker.Api.Import.Qif;

/// <summary>
/// QIF dates as banks and Quicken write them: <c>03/14/2026</c>, <c>12/19/18</c>, <c>2/14'2020</c>, <c>1/ 1'00</c>,
/// <c>14.03.26</c>, <c>2026-03-14</c>, <c>20260314</c>. Slash dates are month-first unless some date in the same file
/// only makes sense day-first, so the order is chosen once per file from all its dates.
/// </summary>
public sealed class QifDate
{
    private readonly bool dayFirstSlashes;

    private QifDate(bool dayFirstSlashes) => this.dayFirstSlashes = dayFirstSlashes;

    public bool DayFirstSlashes => dayFirstSlashes;

    public static QifDate ForFile(IEnumerable<string> rawDates)
    {
        var dayFirst = rawDates
            .Select(Split)
            .Any(p => p is { Separator: '/' or '-', A: > 12 and < 100, B: <= 12 });
        return new QifDate(dayFirst);
    }

    public bool TryParse(string raw, out DateOnly date)
    {
        date = default;
        if (Split(raw) is not { } p)
        {
            return false;
        }
        var (year, month, day) = p switch
        {
            { A: >= 100 } => (p.A, p.B, p.C),
            { Separator: '.' } => (p.C, p.B, p.A),
            _ when dayFirstSlashes => (p.C, p.B, p.A),
            _ => (p.C, p.A, p.B),
        };
        year = FullYear(year, p.Apostrophe);
        if (year is < 1900 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static int FullYear(int year, bool apostrophe) => year switch
    {
        >= 100 => year,
        _ when apostrophe => 2000 + year,
        < 70 => 2000 + year,
        _ => 1900 + year,
    };

    private readonly record struct Parts(int A, int B, int C, char Separator, bool Apostrophe);

    private static Parts? Split(string raw)
    {
        var s = raw.Replace(" ", "", StringComparison.Ordinal);
        if (s.Length == 8 && s.All(char.IsAsciiDigit))
        {
            return new Parts(Int(s[..4]), Int(s[4..6]), Int(s[6..]), '-', false);
        }
        var apostrophe = s.Contains('\'');
        var separator = s.FirstOrDefault(c => c is '/' or '.' or '-');
        if (separator == default)
        {
            return null;
        }
        var pieces = s.Replace('\'', separator).Split(separator);
        if (pieces.Length != 3 || pieces.Any(p => p.Length is 0 or > 4 || !p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        return new Parts(Int(pieces[0]), Int(pieces[1]), Int(pieces[2]), separator, apostrophe);
    }

    private static int Int(string s) => int.Parse(s, CultureInfo.InvariantCulture);
}
