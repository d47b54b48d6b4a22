using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Recurring;

/// <summary>A rule's repetition in words: "Every month on the 31st", "Every 2 weeks".</summary>
public static class RecurringText
{
    public static string Describe(RecurringFrequency frequency, int interval, RecurringDay? day, DateOnly start)
    {
        var unit = frequency switch
        {
            RecurringFrequency.Daily => "day",
            RecurringFrequency.Weekly => "week",
            RecurringFrequency.Monthly => "month",
            _ => "year",
        };
        var every = interval == 1 ? $"Every {unit}" : $"Every {interval} {unit}s";
        return frequency switch
        {
            RecurringFrequency.Weekly => $"{every} on {start.DayOfWeek}",
            RecurringFrequency.Monthly => $"{every} on the {DayName(day ?? RecurringDay.Of(start.Day))}",
            RecurringFrequency.Yearly => $"{every} on {(day is { IsLast: true } ? $"the last day of {start:MMMM}" : $"{(day?.Day ?? start.Day)} {start:MMMM}")}",
            _ => every,
        };
    }

    /// <summary>"1st", "22nd", "last day".</summary>
    public static string DayName(RecurringDay day) => day.IsLast ? "last day" : day.Day + (day.Day % 100 is 11 or 12 or 13 ? "th" : (day.Day % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });

    /// <summary>"monthly" → "every month", for the suggestions' sentence.</summary>
    public static string Every(RecurringFrequency frequency, int interval) =>
        Describe(frequency, interval, null, default).Split(" on ")[0].ToLowerInvariant();
}
