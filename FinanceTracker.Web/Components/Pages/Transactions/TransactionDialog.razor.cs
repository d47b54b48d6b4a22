using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>Adds or edits a transaction; closes with the saved one, or asking to delete it.</summary>
public partial class TransactionDialog
{
    private FormDialog? _frame;
    private TransactionForm? _form;
    private TransactionFormModel _model = default!;
    private bool _saving;
    private bool _conflict;
    private bool _gone;
    private bool _askReconciled;
    private bool _confirmedReconciled;
    private bool _askFutureDate;
    private DateOnly? _confirmedFutureDate;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    /// <summary>The transaction to edit; null to add one.</summary>
    [Parameter] public Transaction? Transaction { get; set; }

    /// <summary>Pre-selected account for a new transaction.</summary>
    [Parameter] public long? DefaultAccountId { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Category> Categories { get; set; }

    [Inject] public required TimeProvider Time { get; init; }

    protected override void OnInitialized()
    {
        var firstAccount = DefaultAccountId ?? Accounts.FirstOrDefault(a => !a.Archived)?.Id;
        _model = Transaction is null
            ? TransactionFormModel.ForNew(firstAccount, Today)
            : TransactionFormModel.From(Transaction);
    }

    private async Task SaveAsync(TransactionFormModel model)
    {
        // A date far ahead is most often a typo in the year: asked once for that date, never refused.
        if (model.Date is { } date && date > Today.AddYears(1) && _confirmedFutureDate != date)
        {
            _askFutureDate = true;
            return;
        }
        _askFutureDate = false;
        // A row matched to a bank statement is changed only once the person said so.
        if (Transaction is { Reconciled: true } && !_confirmedReconciled)
        {
            _askReconciled = true;
            return;
        }
        _saving = true;
        _conflict = false;
        _askReconciled = false;
        Transaction? saved = null;
        await TryApiAsync(
            async () => saved = Transaction is not null ? await Api.UpdateTransactionAsync(Transaction.Id, model.ToUpdate() with { ConfirmReconciled = _confirmedReconciled })
                : model.Mode == TransactionFormMode.Transfer ? await Api.GetTransactionAsync((await Api.CreateTransferAsync(model.ToTransfer())).FromTransactionId)
                : await Api.CreateTransactionAsync(model.ToCreate()),
            HandleProblem);
        if (_conflict)
        {
            await ReloadCurrentAsync();
        }
        _saving = false;
        if (saved is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(saved));
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(Time.GetLocalNow().DateTime);

    private Task ConfirmFutureDateAsync()
    {
        _confirmedFutureDate = _model.Date;
        return SaveAsync(_model);
    }

    private Task ConfirmReconciledAsync()
    {
        _confirmedReconciled = true;
        return SaveAsync(_model);
    }

    private bool HandleProblem(ApiException problem)
    {
        // Reconciled since the dialog opened (in another tab): ask, as for a row that was reconciled all along.
        if (problem.IsConflict && problem.FieldErrors.ContainsKey("confirmReconciled"))
        {
            _askReconciled = true;
            return true;
        }
        if (problem.IsConflict)
        {
            _conflict = true;
            return true;
        }
        // Field errors go beside their fields; anything else stays in the message above the form.
        return problem.FieldErrors.Count > 0 && _form?.ShowServerErrors(problem).Count == 0;
    }

    /// <summary>After a 409 the form shows what is stored now (with its new version), not the stale copy.</summary>
    private async Task ReloadCurrentAsync()
    {
        Transaction? current = null;
        await TryApiAsync(async () => current = await Api.GetTransactionAsync(Transaction!.Id), problem =>
        {
            if (problem.IsNotFound)
            {
                _gone = true;
                _conflict = false;
                Problem = "This transaction was deleted elsewhere, so there is nothing left to save.";
                return true;
            }
            return false;
        });
        if (current is not null)
        {
            _model = TransactionFormModel.From(current);
        }
        else if (_gone)
        {
            Problem = "This transaction was deleted elsewhere, so there is nothing left to save.";
        }
    }

    private Task RequestDeleteAsync() =>
        Dialog?.CloseAsync(DialogResult.Ok(EditorResult<Transaction>.DeleteSignal)) ?? Task.CompletedTask;

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
