using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>Adds or edits an import rule; closes with the saved rule, or asking to delete it.</summary>
public partial class RuleDialog
{
    private FormDialog? _frame;
    private RuleFormModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _saving;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    [Parameter] public ImportRuleResponse? Rule { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Category> Categories { get; set; }

    /// <summary>A new rule's pattern, e.g. the payee of the preview row it is made from.</summary>
    [Parameter] public string? Pattern { get; set; }

    protected override void OnInitialized()
    {
        _model = Rule is null ? new() { Pattern = Pattern?.Trim() } : RuleFormModel.From(Rule);
        _editContext = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        ImportRuleResponse? saved = null;
        await TryApiAsync(
            async () => saved = Rule is null
                ? await Api.CreateImportRuleAsync(_model.ToRequest())
                : await Api.UpdateImportRuleAsync(Rule.Id, _model.ToRequest()),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _saving = false;
        if (saved is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(saved));
        }
    }

    private Task RequestDeleteAsync() =>
        Dialog?.CloseAsync(DialogResult.Ok(EditorResult<ImportRuleResponse>.DeleteSignal)) ?? Task.CompletedTask;

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
