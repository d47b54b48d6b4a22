using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Accounts;

public partial class Accounts
{
    private IReadOnlyList<Account>? _accounts;

    [Inject]
    public required IDialogService Dialogs { get; init; }

    [Inject]
    public required INotificationService Notifications { get; init; }

    private IReadOnlyList<Account> Active => _accounts?.Where(a => !a.Archived).ToList() ?? [];

    private IReadOnlyList<Account> Archived => _accounts?.Where(a => a.Archived).ToList() ?? [];

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => TryApiAsync(async () => _accounts = await Api.GetAccountsAsync());

    private async Task AddAsync()
    {
        if (await AccountEditor.ShowAsync(Dialogs, account: null) is { Saved: { } saved })
        {
            Notifications.Toast("Added", $"{saved.Name} is ready.");
            await LoadAsync();
        }
    }

    private async Task EditAsync(Account account)
    {
        var result = await AccountEditor.ShowAsync(Dialogs, account);
        if (result?.Saved is { } saved)
        {
            Notifications.Toast("Saved", $"{saved.Name} is up to date.");
            await LoadAsync();
        }
        else if (result?.DeleteRequested == true && await AccountEditor.ConfirmDeleteAsync(Dialogs, account)
                 && await TryApiAsync(() => Api.DeleteAccountAsync(account.Id)))
        {
            Notifications.Toast("Deleted", $"{account.Name} and its transactions are gone.");
            await LoadAsync();
        }
    }
}
