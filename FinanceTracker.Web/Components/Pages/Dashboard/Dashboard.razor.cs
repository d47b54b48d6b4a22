using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Accounts;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Dashboard;

public partial class Dashboard
{
    private DateOnly _month;
    private DashboardData? _data;
    private bool _dialogOpen;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    protected override Task OnInitializedAsync()
    {
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        _month = new DateOnly(today.Year, today.Month, 1);
        return LoadAsync();
    }

    private Task LoadAsync() => TryApiAsync(async () => _data = await DashboardData.LoadAsync(Api, _month));

    private async Task AddAccountAsync()
    {
        if (await AccountEditor.ShowAsync(Dialogs, account: null) is { Saved: { } saved })
        {
            Notifications.Toast("Added", $"{saved.Name} is ready. Next, record a transaction in it.");
            await LoadAsync();
        }
    }

    private async Task AddTransactionAsync()
    {
        if (_data is null)
        {
            return;
        }
        _dialogOpen = true;
        var result = await TransactionEditor.ShowAsync(Dialogs, null, _data.Lookups.Accounts, _data.Lookups.Categories);
        _dialogOpen = false;
        if (result?.Saved is { } saved)
        {
            Notifications.Toast("Added", TransactionEditor.Summary(saved));
            await LoadAsync();
        }
    }
}
