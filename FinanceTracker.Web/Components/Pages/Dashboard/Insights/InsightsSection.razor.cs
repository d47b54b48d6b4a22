using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

public sealed partial class InsightsSection
{
    private DateOnly _today;
    private InsightsPeriod _period = default!;
    private DateOnly _calendarMonth;
    private InsightsData? _data;
    private string? _currency;
    private object? _loadedFor;

    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }

    /// <summary>Hides the period fields while a dialog is open over the page (its labels would compete with the form's).</summary>
    [Parameter] public bool Hidden { get; set; }

    /// <summary>Reloads when this changes, e.g. after the page booked a transaction.</summary>
    [Parameter] public object? RefreshKey { get; set; }

    private IReadOnlyList<Account> ActiveAccounts => Accounts.Where(a => !a.Archived).ToList();

    protected override void OnInitialized()
    {
        _today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        _period = InsightsPeriod.Default(_today);
        _calendarMonth = _period.CalendarMonth(_today);
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_data is null || !Equals(_loadedFor, RefreshKey))
        {
            _loadedFor = RefreshKey;
            await LoadAsync();
        }
    }

    private async Task PeriodChangedAsync(InsightsPeriod period)
    {
        _period = period;
        _calendarMonth = period.CalendarMonth(_today);
        await LoadAsync();
    }

    private Task LoadAsync() => TryApiAsync(async () =>
    {
        _data = await InsightsData.LoadAsync(Api, _period.Query);
        // Keep the currency the person was looking at while it still has data.
        _currency = _currency is not null && _data.Currencies.Contains(_currency) ? _currency : _data.Currencies.FirstOrDefault();
    });
}
