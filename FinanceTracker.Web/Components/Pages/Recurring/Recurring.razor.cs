using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Recurring;

/// <summary>The person's recurring rules with their next dates, what is coming up, and rules suggested from their history.</summary>
public partial class Recurring
{
    public const int UpcomingDays = 30;

    private IReadOnlyList<RecurringRule>? _rules;
    private IReadOnlyList<UpcomingOccurrence> _upcoming = [];
    private IReadOnlyList<RecurringSuggestion> _suggestions = [];
    private Lookups _lookups = Lookups.Empty;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private Task LoadAsync() => TryApiAsync(async () =>
    {
        var lookups = Lookups.LoadAsync(Api);
        var rules = Api.GetRecurringRulesAsync();
        var upcoming = Api.GetUpcomingAsync(UpcomingDays);
        var suggestions = Api.GetRecurringSuggestionsAsync();
        (_lookups, _upcoming, _suggestions, _rules) = (await lookups, await upcoming, await suggestions, await rules);
    });

    private Task AddAsync() => AddFromAsync(null);

    private Task AcceptAsync(RecurringSuggestion suggestion) => AddFromAsync(suggestion);

    private async Task AddFromAsync(RecurringSuggestion? suggestion)
    {
        if (await ShowEditorAsync(null, suggestion) is { Saved: { } saved })
        {
            Notifications.Toast("Added", $"{saved.Payee} repeats from {saved.StartDate:d MMM yyyy}.");
            await LoadAsync();
        }
    }

    private async Task EditAsync(RecurringRule rule)
    {
        var result = await ShowEditorAsync(rule, null);
        if (result?.Saved is { } saved)
        {
            Notifications.Toast("Saved", $"{saved.Payee} is up to date.");
            await LoadAsync();
        }
        else if (result?.DeleteRequested == true
                 && await Dialogs.ConfirmAsync($"Delete the rule for \"{rule.Payee}\"?",
                     "Nothing more will be posted for it. Transactions it already posted stay."))
        {
            if (await TryApiAsync(() => Api.DeleteRecurringRuleAsync(rule.Id)))
            {
                Notifications.Toast("Deleted", $"{rule.Payee} no longer repeats.");
                await LoadAsync();
            }
        }
    }

    private async Task<EditorResult<RecurringRule>?> ShowEditorAsync(RecurringRule? rule, RecurringSuggestion? suggestion)
    {
        var result = await Dialogs.ShowDialogAsync<RecurringDialog>(options =>
        {
            options.Parameters[nameof(RecurringDialog.Rule)] = rule;
            options.Parameters[nameof(RecurringDialog.Suggestion)] = suggestion;
            options.Parameters[nameof(RecurringDialog.Accounts)] = _lookups.Accounts;
            options.Parameters[nameof(RecurringDialog.Categories)] = _lookups.Categories;
            options.Width = "min(640px, calc(100vw - 24px))";
        });
        return EditorResult<RecurringRule>.From(result);
    }
}
