using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Recurring;

/// <summary>Adds (blank, or from a suggestion) or edits a rule; closes with the saved one, or asking to delete it.</summary>
public partial class RecurringDialog
{
    private FormDialog? _frame;
    private RecurringFormModel _model = new();
    private EditContext _editContext = default!;
    private ServerValidator? _serverValidator;
    private bool _saving;

    [CascadingParameter] public IDialogInstance? Dialog { get; set; }

    /// <summary>The rule to edit; null to add one.</summary>
    [Parameter] public RecurringRule? Rule { get; set; }

    /// <summary>A found pattern to start a new rule from.</summary>
    [Parameter] public RecurringSuggestion? Suggestion { get; set; }

    [Parameter, EditorRequired] public required IReadOnlyList<Account> Accounts { get; set; }
    [Parameter, EditorRequired] public required IReadOnlyList<Category> Categories { get; set; }

    [Inject] public required TimeProvider Time { get; init; }

    private string UnitHint => _model.Frequency switch
    {
        RecurringFrequency.Daily => "Days apart; 1 is every day.",
        RecurringFrequency.Weekly => "Weeks apart; 2 is every other week.",
        RecurringFrequency.Monthly => "Months apart; 3 is every quarter.",
        _ => "Years apart.",
    };

    protected override void OnInitialized()
    {
        _model = Rule is not null ? RecurringFormModel.From(Rule)
            : Suggestion is not null ? RecurringFormModel.From(Suggestion)
            : new() { AccountId = Accounts.FirstOrDefault(a => !a.Archived)?.Id, StartDate = DateOnly.FromDateTime(Time.GetLocalNow().DateTime) };
        _model.AccountCurrencies = Accounts.ToDictionary(a => a.Id, a => a.Currency);
        _editContext = new EditContext(_model);
    }

    private async Task SaveAsync()
    {
        if (_saving || !_editContext.Validate())
        {
            return;
        }
        _saving = true;
        RecurringRule? saved = null;
        await TryApiAsync(
            async () => saved = Rule is null
                ? await Api.CreateRecurringRuleAsync(_model.ToRequest())
                : await Api.UpdateRecurringRuleAsync(Rule.Id, _model.ToRequest()),
            e => e.FieldErrors.Count > 0 && _serverValidator!.Show(e).Count == 0);
        _saving = false;
        if (saved is not null && Dialog is not null)
        {
            await Dialog.CloseAsync(DialogResult.Ok(saved));
        }
    }

    private Task RequestDeleteAsync() =>
        Dialog?.CloseAsync(DialogResult.Ok(EditorResult<RecurringRule>.DeleteSignal)) ?? Task.CompletedTask;

    private Task CancelAsync() => _frame?.LeaveAsync() ?? Task.CompletedTask;
}
