using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;

namespace FinanceTracker.Web.Components.Pages.Register;

/// <summary>What a person does to the rows: tick Cleared, open one to edit or delete, add one, reconcile.</summary>
public partial class Register
{
    private async Task ToggleClearedAsync(ClearedToggle toggle)
    {
        var (row, cleared) = (toggle.Transaction, toggle.Cleared);
        var confirm = false;
        if (row.Reconciled && !cleared)
        {
            confirm = await Dialogs.ConfirmAsync(
                "Un-clear a reconciled transaction?",
                $"This transaction is reconciled with a bank statement. Un-clear it anyway? {TransactionEditor.Describe(row)} will no longer count as reconciled.",
                "Un-clear");
            if (!confirm)
            {
                _generation++;
                return;
            }
        }
        Transaction? saved = null;
        if (await TryApiAsync(async () => saved = await Api.SetClearedAsync(row.Id, cleared, confirm)) && saved is not null && _page is not null)
        {
            // The answer has no running balance (that needs the account's list); the row's balance is unchanged anyway.
            var updated = saved with { RunningBalance = row.RunningBalance };
            _page = _page with { Items = _page.Items.Select(t => t.Id == row.Id ? updated : t).ToList() };
            await RefreshStatusAsync();
        }
        else
        {
            _generation++;
        }
    }

    private async Task RefreshStatusAsync()
    {
        var today = DateOnly.FromDateTime(Time.GetLocalNow().DateTime);
        await TryApiAsync(async () => _status = await Api.GetReconciliationAsync(Id, today));
    }

    private Task AddAsync() => OpenAsync(null);

    private Task EditAsync(Transaction transaction) => OpenAsync(transaction);

    private async Task OpenAsync(Transaction? transaction)
    {
        _notice = null;
        var result = await TransactionEditor.ShowAsync(Dialogs, transaction, _lookups.Accounts, _lookups.Categories, Id);
        if (result?.Saved is { } saved)
        {
            Notifications.Toast(transaction is null ? "Added" : "Saved", TransactionEditor.Summary(saved));
        }
        else if (result?.DeleteRequested == true && transaction is not null && await TransactionEditor.ConfirmDeleteAsync(Dialogs, transaction)
                 && await TryApiAsync(() => TransactionEditor.DeleteConfirmedAsync(Api, transaction)))
        {
            Notifications.Toast("Deleted", TransactionEditor.Summary(transaction));
        }
        // Balances after the row change with any save or delete; receipts change the row even without a save.
        await ReloadAsync();
    }

    private void StartReconcile()
    {
        _notice = null;
        _reconciling = true;
    }

    private async Task ReconciledAsync(ReconcileResult result)
    {
        _reconciling = false;
        _notice = $"Reconciled {RegisterText.Rows(result.ReconciledCount)} to the statement of {RegisterText.LongDate(result.StatementDate)}: "
            + $"the cleared balance matches its {Formatting.MoneyFormatter.Format(result.StatementBalance, _account!.Currency, signed: false)}.";
        await ReloadAsync();
    }

    /// <summary>Ticks were saved as they were made: the register shows them.</summary>
    private async Task StopReconcilingAsync()
    {
        _reconciling = false;
        await ReloadAsync();
    }
}
