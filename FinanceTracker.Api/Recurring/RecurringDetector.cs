using FinanceTracker.Api.Import;

namespace FinanceTracker.Api.Recurring;

/// <summary>A past transaction as the detector reads it.</summary>
internal sealed record HistoryRow(DateOnly Date, decimal Amount, string Currency, string Payee, long AccountId, long? CategoryId);

/// <summary>
/// Finds payments that repeat: the same payee (trimmed, spaces collapsed, case ignored) in one account, an amount within
/// 10% of the latest, at least three times in a row a week, two weeks, a month (±3 days) or a year (±3 days) apart,
/// still going (the next one is not long overdue), and not covered by a rule with that payee. Pure: no clock, no database.
/// </summary>
internal static class RecurringDetector
{
    public const int MinOccurrences = 3;
    private const decimal AmountTolerance = 0.10m;

    private sealed record Pattern(RecurringFrequency Frequency, int Interval, int ToleranceDays, int GraceDays);

    private static readonly Pattern[] Patterns =
    [
        new(RecurringFrequency.Monthly, 1, 3, 10),
        new(RecurringFrequency.Weekly, 1, 1, 4),
        new(RecurringFrequency.Weekly, 2, 2, 7),
        new(RecurringFrequency.Yearly, 1, 3, 31),
    ];

    public static IReadOnlyList<RecurringSuggestion> Detect(IEnumerable<HistoryRow> history, IReadOnlySet<string> coveredPayees, DateOnly today) =>
        history
            .Where(row => row.Amount != 0 && PayeeText.Normalise(row.Payee).Length > 0)
            .GroupBy(row => (Payee: PayeeText.Normalise(row.Payee), row.AccountId))
            .Where(group => !coveredPayees.Contains(group.Key.Payee))
            .Select(group => Suggest(group.OrderBy(row => row.Date).ToList(), today))
            .OfType<RecurringSuggestion>()
            .OrderBy(s => s.NextDate).ThenBy(s => s.Payee, StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The best pattern among one payee's rows in one account, or null.</summary>
    private static RecurringSuggestion? Suggest(List<HistoryRow> rows, DateOnly today)
    {
        var latest = rows[^1];
        var tolerance = Math.Max(Math.Abs(latest.Amount) * AmountTolerance, 0.01m);
        var similar = rows
            .Where(r => Math.Sign(r.Amount) == Math.Sign(latest.Amount) && Math.Abs(r.Amount - latest.Amount) <= tolerance)
            .DistinctBy(r => r.Date)
            .ToList();

        RecurringSuggestion? best = null;
        foreach (var pattern in Patterns)
        {
            var run = TrailingRun(similar, pattern);
            if (run.Count < MinOccurrences || run.Count <= (best?.Occurrences ?? 0))
            {
                continue;
            }
            var day = pattern.Frequency switch
            {
                RecurringFrequency.Monthly => MonthlyDay(run),
                RecurringFrequency.Yearly => DayOfMonth.Of(latest.Date.Day),
                _ => (DayOfMonth?)null,
            };
            // The first occurrence clear of the last one's ±tolerance: a payment made a day early is not due again tomorrow.
            var next = new RecurrenceSchedule(pattern.Frequency, pattern.Interval, day, latest.Date)
                .FirstOnOrAfter(latest.Date.AddDays(pattern.ToleranceDays + 1));
            if (next is not { } nextDate || nextDate.AddDays(pattern.GraceDays) < today)
            {
                continue; // it stopped
            }
            best = new RecurringSuggestion(PayeeText.Clean(latest.Payee), latest.Amount, latest.Currency, pattern.Frequency, pattern.Interval,
                day, latest.Date, nextDate, run.Count, latest.AccountId, latest.CategoryId);
        }
        return best;
    }

    /// <summary>The longest run of rows, ending with the latest, each one step of the pattern after the one before.</summary>
    private static List<HistoryRow> TrailingRun(List<HistoryRow> rows, Pattern pattern)
    {
        var run = new List<HistoryRow> { rows[^1] };
        for (var i = rows.Count - 2; i >= 0 && IsStep(rows[i].Date, run[^1].Date, pattern); i--)
        {
            run.Add(rows[i]);
        }
        run.Reverse();
        return run;
    }

    private static bool IsStep(DateOnly previous, DateOnly current, Pattern pattern)
    {
        var expected = pattern.Frequency switch
        {
            RecurringFrequency.Weekly => previous.AddDays(7 * pattern.Interval),
            RecurringFrequency.Monthly => previous.AddMonths(pattern.Interval),
            _ => previous.AddYears(pattern.Interval),
        };
        // Month ends: 31 Jan → 28 Feb → 31 Mar is a month each time, though AddMonths from 28 Feb says 28 Mar.
        var monthEnds = pattern.Frequency == RecurringFrequency.Monthly && IsMonthEnd(previous) && IsMonthEnd(current)
            && current.Year * 12 + current.Month - (previous.Year * 12 + previous.Month) == pattern.Interval;
        return monthEnds || Math.Abs(current.DayNumber - expected.DayNumber) <= pattern.ToleranceDays;
    }

    /// <summary>"last" when every payment fell on a month's last day; else the most common day (the latest on a tie).</summary>
    private static DayOfMonth MonthlyDay(List<HistoryRow> run) =>
        run.All(r => IsMonthEnd(r.Date))
            ? DayOfMonth.Last
            : DayOfMonth.Of(run.GroupBy(r => r.Date.Day).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Max(r => r.Date)).First().Key);

    private static bool IsMonthEnd(DateOnly date) => date.Day == DateTime.DaysInMonth(date.Year, date.Month);
}
