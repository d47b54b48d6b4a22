using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Accounts;

/// <summary>Opens the account dialog; shared by the accounts page and the dashboard's first-run steps.</summary>
public static class AccountEditor
{
    public static async Task<EditorResult<Account>?> ShowAsync(IDialogService dialogs, Account? account)
    {
        var result = await dialogs.ShowDialogAsync<AccountDialog>(options =>
        {
            options.Parameters[nameof(AccountDialog.Account)] = account;
            options.Width = "min(560px, calc(100vw - 24px))";
        });
        return EditorResult<Account>.From(result);
    }

    public static Task<bool> ConfirmDeleteAsync(IDialogService dialogs, Account account) => dialogs.ConfirmAsync(
        $"Delete \"{account.Name}\"?",
        "This deletes the account and every transaction in it, for good. " +
        "To keep the history, archive the account instead.");
}
