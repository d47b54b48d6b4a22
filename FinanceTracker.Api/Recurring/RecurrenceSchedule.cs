using FinanceTracker.Api.Infrastructure;

namespace FinanceTracker.Api.Recurring;

/// <summary>
/// The dates a rule falls on: pure arithmetic, no clock and no database. Occurrence k is counted from the start
/// (day, week, month or year start + k × interval), never from the previous occurrence, so a rule on the 31st is on
/// 28/29 February and back on 31 March. Occurrences before the start (a day of month earlier than the start's, in the
/// start's month) are skipped; <c>count</c> counts the occurrences from the start; nothing is later than
/// <c>end</c> or <see cref="DateBounds.Latest"/>.
/// </summary>
public sealed record RecurrenceSchedule(
    RecurringFrequency Frequency, int Interval, DayOfMonth? DayOfMonth, DateOnly Start, DateOnly? End = null, int? Count = null)
{
    /// <summary>Every occurrence, in order (lazily: a daily rule without an end runs to 2199).</summary>
    public IEnumerable<DateOnly> Occurrences()
    {
        var last = End is { } end && end < DateBounds.Latest ? end : DateBounds.Latest;
        var yielded = 0;
        for (long k = 0; Count is not { } count || yielded < count; k++)
        {
            if (Nth(k) is not { } date || date > last)
            {
                yield break;
            }
            if (date < Start)
            {
                continue;
            }
            yielded++;
            yield return date;
        }
    }

    /// <summary>The first occurrence on or after <paramref name="date"/>; null when the series has ended by then.</summary>
    public DateOnly? FirstOnOrAfter(DateOnly date)
    {
        foreach (var occurrence in Occurrences())
        {
            if (occurrence >= date)
            {
                return occurrence;
            }
        }
        return null;
    }

    /// <summary>The occurrences from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<DateOnly> Between(DateOnly from, DateOnly to) =>
        Occurrences().SkipWhile(d => d < from).TakeWhile(d => d <= to);

    /// <summary>The k-th date of the pattern, or null past the last representable one.</summary>
    private DateOnly? Nth(long k)
    {
        var step = k * Interval;
        switch (Frequency)
        {
            case RecurringFrequency.Daily:
            case RecurringFrequency.Weekly:
                var days = Start.DayNumber + step * (Frequency == RecurringFrequency.Weekly ? 7 : 1);
                return days > DateBounds.Latest.DayNumber ? null : DateOnly.FromDayNumber((int)days);
            case RecurringFrequency.Monthly:
                var monthIndex = Start.Year * 12L + Start.Month - 1 + step;
                return monthIndex / 12 > DateBounds.Latest.Year ? null : OnDay((int)(monthIndex / 12), (int)(monthIndex % 12) + 1);
            default:
                var year = Start.Year + step;
                return year > DateBounds.Latest.Year ? null : OnDay((int)year, Start.Month);
        }
    }

    private DateOnly OnDay(int year, int month) =>
        new(year, month, (DayOfMonth ?? Recurring.DayOfMonth.Of(Start.Day)).In(year, month));
}
