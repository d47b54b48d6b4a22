using System.Globalization;

namespace FinanceTracker.Api.Import.Ofx;

/// <summary>
/// OFX datetimes (<c>YYYYMMDD[HHMMSS[.XXX]][[+-H:TZ]]</c>, and quirks like <c>20180804093914:014</c>).
/// The ledger keeps dates only, so the bank's own calendar date (the first 8 digits) is the booking date.
/// </summary>
public static class OfxDate
{
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var s = text?.Trim() ?? "";
        return s.Length >= 8 && s[..8].All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(s[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
