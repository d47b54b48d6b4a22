using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Payees;

/// <summary>Renames one payee or merges several; closes with the Api's <see cref="MergePayeesResult"/>.</summary>
public partial class PayeeMergeDialog
{
    private FormDialog? _frame;
    private PayeeMergeModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _saving;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Payee> From { get; set; }

    /// <summary>One payee gets a new name (otherwise several are merged).</summary>
    [Parameter] public bool Rename { get; set; }

    private string Message
    {
        get
        {
            var count = PayeeMergeModel.Transactions(From.Sum(p => p.Count));
            return Rename
                ? $"{count} paying {PayeeMergeModel.Names(From)} will get the new name."
                : $"{count} paying {PayeeMergeModel.Names(From)} will all get one name.";
        }
    }

    protected override void OnInitialized()
    {
        // A merge starts with the most used name, the likeliest to keep.
        _model = Rename
            ? new() { Into = From[0].Name, Current = From[0].Name }
            : new() { Into = From.OrderByDescending(p => p.Count).First().Name };
        _editContext = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        MergePayeesResult? done = null;
        await TryApiAsync(
            async () => done = await Api.MergePayeesAsync(new(From.Select(p => p.Name).ToList(), _model.Into!.Trim())),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _saving = false;
        if (done is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(done));
        }
    }

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
