using System.Globalization;
using FinanceTracker.Web.Formatting;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

public sealed partial class SpendingCalendar
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private Dictionary<DateOnly, decimal>? _days;
    private (DateOnly Month, long? AccountId, string Currency)? _loaded;

    /// <summary>The first day of the month shown.</summary>
    [Parameter, EditorRequired] public DateOnly Month { get; set; }
    [Parameter] public EventCallback<DateOnly> MonthChanged { get; set; }
    [Parameter] public long? AccountId { get; set; }
    [Parameter, EditorRequired] public required string Currency { get; set; }

    private string MonthName => Month.ToString("MMMM yyyy", Culture);

    private decimal Max => _days is { Count: > 0 } ? _days.Values.Max() : 0;

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded != (Month, AccountId, Currency))
        {
            await LoadAsync();
        }
    }

    private async Task ShowAsync(DateOnly month)
    {
        Month = month;
        await MonthChanged.InvokeAsync(month);
        await LoadAsync();
    }

    private Task LoadAsync() => TryApiAsync(async () =>
    {
        _loaded = (Month, AccountId, Currency);
        var report = await Api.GetDailySpendingAsync(Month, AccountId);
        _days = report.Currencies.FirstOrDefault(c => c.Currency == Currency)?.Days
            .Where(d => d.Date.Year == Month.Year && d.Date.Month == Month.Month)
            .ToDictionary(d => d.Date, d => d.Spending) ?? [];
    });

    private decimal SpendingOn(DateOnly date) => _days?.GetValueOrDefault(date) ?? 0;

    private string DayTitle(DateOnly date, decimal amount) =>
        $"{date.ToString("ddd d MMM", Culture)}: {(amount > 0 ? MoneyFormatter.Format(amount, Currency, signed: false) : "no spending")}";
}
