using System.Globalization;
using System.Text;
using FinanceTracker.Api.Infrastructure;

namespace FinanceTracker.Api.Transactions;

/// <summary>The keyset position after the last row of a page: its date and id, as an opaque string.</summary>
internal readonly record struct Cursor(DateOnly Date, long Id)
{
    public string Encode() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Date:yyyy-MM-dd}|{Id}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string value, out Cursor cursor)
    {
        cursor = default;
        try
        {
            var base64 = value.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length == 2
                && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                && DateBounds.Contains(date)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                cursor = new Cursor(date, id);
                return true;
            }
        }
        catch (FormatException)
        {
            // Not base64 at all: reported like any other invalid cursor below.
        }
        return false;
    }
}
