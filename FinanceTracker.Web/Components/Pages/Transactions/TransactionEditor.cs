using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using FinanceTracker.Web.Formatting;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>Opens the transaction dialog; shared by the transactions page and the dashboard.</summary>
public static class TransactionEditor
{
    public static async Task<EditorResult<Transaction>?> ShowAsync(
        IDialogService dialogs, Transaction? transaction, IReadOnlyList<Account> accounts,
        IReadOnlyList<Category> categories, long? defaultAccountId = null)
    {
        var result = await dialogs.ShowDialogAsync<TransactionDialog>(options =>
        {
            options.Parameters[nameof(TransactionDialog.Transaction)] = transaction;
            options.Parameters[nameof(TransactionDialog.Accounts)] = accounts;
            options.Parameters[nameof(TransactionDialog.Categories)] = categories;
            options.Parameters[nameof(TransactionDialog.DefaultAccountId)] = defaultAccountId;
            options.Width = "min(640px, calc(100vw - 24px))";
        });
        return EditorResult<Transaction>.From(result);
    }

    /// <summary>Asks before a delete; for a reconciled row the question says so, and a yes is the confirmation the Api needs.</summary>
    public static Task<bool> ConfirmDeleteAsync(IDialogService dialogs, Transaction transaction) => dialogs.ConfirmAsync(
        "Delete this transaction?",
        transaction.Reconciled
            ? $"This transaction is reconciled with a bank statement. Delete it anyway? {Describe(transaction)} will be removed for good, and the account balance changes with it."
            : $"{Describe(transaction)} will be removed for good, and the account balance changes with it.");

    /// <summary>Deletes after <see cref="ConfirmDeleteAsync"/> said yes, confirming a reconciled row's delete too.</summary>
    public static Task DeleteConfirmedAsync(FinanceApiClient api, Transaction transaction) =>
        api.DeleteTransactionAsync(transaction.Id, confirmReconciled: transaction.Reconciled);

    /// <summary>Amount and date only: a toast repeating the payee would compete with the grid's text.</summary>
    public static string Summary(Transaction t) => $"{MoneyFormatter.Format(t.Amount, t.Currency)} on {t.Date:d MMM yyyy}";

    public static string Describe(Transaction t) =>
        $"{(string.IsNullOrWhiteSpace(t.Payee) ? "The transaction" : t.Payee)} of {MoneyFormatter.Format(t.Amount, t.Currency)} on {t.Date:d MMM yyyy}";
}
