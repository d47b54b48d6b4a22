using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Accounts;

/// <summary>Adds or edits an account; closes with the saved account, or asking to delete it.</summary>
public partial class AccountDialog
{
    private FormDialog? _frame;
    private AccountFormModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _saving;

    [CascadingParameter]
    public IDialogInstance? Dialog { get; set; }

    /// <summary>The account to edit; null to add one.</summary>
    [Parameter]
    public Account? Account { get; set; }

    protected override void OnInitialized()
    {
        _model = Account is null ? new() : AccountFormModel.From(Account);
        _editContext = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        Account? saved = null;
        await TryApiAsync(
            async () => saved = Account is null
                ? await Api.CreateAccountAsync(_model.ToCreate())
                : await Api.UpdateAccountAsync(Account.Id, _model.ToUpdate()),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _saving = false;
        if (saved is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(saved));
        }
    }

    private Task RequestDeleteAsync() => Dialog?.CloseAsync(DialogResult.Ok(EditorResult<Account>.DeleteSignal)) ?? Task.CompletedTask;

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
