namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

/// <summary>A month laid out as weeks from Monday to Sunday; days outside the month are null.</summary>
public static class CalendarLayout
{
    public static IReadOnlyList<string> WeekdayNames { get; } = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static IReadOnlyList<DateOnly?[]> Weeks(DateOnly month)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var days = DateTime.DaysInMonth(month.Year, month.Month);
        var leading = ((int)first.DayOfWeek + 6) % 7; // Monday = 0 ... Sunday = 6
        var weeks = new List<DateOnly?[]>();
        for (var offset = -leading; offset < days; offset += 7)
        {
            var week = new DateOnly?[7];
            for (var i = 0; i < 7; i++)
            {
                var day = offset + i;
                week[i] = day >= 0 && day < days ? first.AddDays(day) : null;
            }
            weeks.Add(week);
        }
        return weeks;
    }

    /// <summary>0 for no spending, then 1–4 by the share of the month's busiest day.</summary>
    public static int Intensity(decimal amount, decimal max) =>
        amount <= 0 || max <= 0 ? 0 : Math.Clamp((int)Math.Ceiling(amount / max * 4), 1, 4);
}
