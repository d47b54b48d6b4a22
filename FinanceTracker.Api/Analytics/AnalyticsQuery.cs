using System.Globalization;
using FinanceTracker.Api.Infrastructure;

namespace FinanceTracker.Api.Analytics;

/// <summary>from, to, accountId (and month for the daily report), parsed with an error per bad parameter.</summary>
internal sealed record AnalyticsQuery(DateOnly From, DateOnly To, long? AccountId, DateOnly Month)
{
    private const int MaxYears = 50;

    public string CacheKey(string report) => $"{report}:{From:yyyyMMdd}:{To:yyyyMMdd}:{AccountId}:{Month:yyyyMM}";

    public AnalyticsRange Range => new(From, To, AccountId);

    /// <summary>Defaults: the last 12 calendar months including this one; this month for the daily report.</summary>
    public static (AnalyticsQuery Query, Dictionary<string, string[]> Errors) Parse(IQueryCollection query, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = ReadDate(query, "from", errors) ?? thisMonth.AddMonths(-11);
        var to = ReadDate(query, "to", errors) ?? thisMonth.AddMonths(1).AddDays(-1);
        // A default stands in for a refused date, so compare only two dates the caller actually gave.
        var datesRead = errors.Count == 0;
        if (datesRead && from > to) errors["to"] = ["'to' must not be before 'from'."];
        else if (datesRead && to.Year - from.Year > MaxYears) errors["from"] = [$"The range can span at most {MaxYears} years."];

        long? accountId = null;
        if (query["accountId"].ToString() is { Length: > 0 } rawAccount)
        {
            if (long.TryParse(rawAccount, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) accountId = id;
            else errors["accountId"] = ["'accountId' must be an id."];
        }

        var month = ReadMonth(query, "month", errors) ?? thisMonth;
        return (new AnalyticsQuery(from, to, accountId, month), errors);
    }

    private static DateOnly? ReadMonth(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0) return null;
        if (!DateOnly.TryParseExact(raw + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            errors[name] = [$"'{name}' must look like 2026-03."];
            return null;
        }
        if (!DateBounds.Contains(month))
        {
            errors[name] = [DateBounds.MonthOutOfRange(name)];
            return null;
        }
        return month;
    }

    private static DateOnly? ReadDate(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var raw = query[name].ToString();
        if (raw.Length == 0) return null;
        if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = [$"'{name}' must be a date like 2026-01-31."];
            return null;
        }
        if (!DateBounds.Contains(date))
        {
            errors[name] = [DateBounds.DateOutOfRange(name)];
            return null;
        }
        return date;
    }
}
