using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

public enum PeriodPreset { ThisMonth, Last3Months, Last12Months, ThisYear, Custom }

/// <summary>The date range the insights cover: a preset (resolved against today) or dates the person picked.</summary>
public sealed record InsightsPeriod(PeriodPreset Preset, DateOnly From, DateOnly To, long? AccountId = null)
{
    public static IReadOnlyList<PeriodPreset> Presets { get; } =
        [PeriodPreset.ThisMonth, PeriodPreset.Last3Months, PeriodPreset.Last12Months, PeriodPreset.ThisYear, PeriodPreset.Custom];

    /// <summary>The Api's default: the last 12 calendar months, this one included.</summary>
    public static InsightsPeriod Default(DateOnly today) => For(PeriodPreset.Last12Months, today);

    /// <summary>Month presets cover whole calendar months, ending with the current one.</summary>
    public static InsightsPeriod For(PeriodPreset preset, DateOnly today, long? accountId = null)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var endOfMonth = thisMonth.AddMonths(1).AddDays(-1);
        return preset switch
        {
            PeriodPreset.ThisMonth => new(preset, thisMonth, endOfMonth, accountId),
            PeriodPreset.Last3Months => new(preset, thisMonth.AddMonths(-2), endOfMonth, accountId),
            PeriodPreset.ThisYear => new(preset, new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), accountId),
            PeriodPreset.Custom => new(preset, thisMonth.AddMonths(-11), endOfMonth, accountId),
            _ => new(PeriodPreset.Last12Months, thisMonth.AddMonths(-11), endOfMonth, accountId),
        };
    }

    public static string Label(PeriodPreset preset) => preset switch
    {
        PeriodPreset.ThisMonth => "This month",
        PeriodPreset.Last3Months => "Last 3 months",
        PeriodPreset.Last12Months => "Last 12 months",
        PeriodPreset.ThisYear => "This year",
        _ => "Custom dates",
    };

    public AnalyticsQuery Query => new(From, To, AccountId);

    /// <summary>The month the spending calendar opens on: the period's last month, but never one still to come.</summary>
    public DateOnly CalendarMonth(DateOnly today)
    {
        var last = To < today ? To : today;
        return new DateOnly(last.Year, last.Month, 1);
    }
}
