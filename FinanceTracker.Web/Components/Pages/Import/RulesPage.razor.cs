using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>Lists, adds, edits and deletes the person's import rules.</summary>
public partial class RulesPage
{
    private IReadOnlyList<ImportRuleResponse>? _rules;
    private Lookups _lookups = Lookups.Empty;

    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required INotificationService Notifications { get; init; }

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>On a phone the category, rename and tag columns fold into one line under the rule.</summary>
    private string PhoneSummary(ImportRuleResponse rule) => string.Join(" · ", new[]
    {
        _lookups.Category(rule.CategoryId)?.Name ?? "Category unchanged",
        rule.RenamePayee is { } name ? $"renamed to {name}" : null,
        rule.AddTag is { } tag ? $"tag {tag}" : null,
    }.OfType<string>());

    private Task LoadAsync() => TryApiAsync(async () =>
    {
        var rules = Api.GetImportRulesAsync();
        _lookups = await Lookups.LoadAsync(Api);
        _rules = [.. (await rules).OrderBy(r => r.Position)];
    });

    private async Task AddAsync()
    {
        if (await RuleEditor.ShowAsync(Dialogs, null, _lookups.Categories) is { Saved: { } saved })
        {
            Notifications.Toast("Added", RuleEditor.Describe(saved));
            await LoadAsync();
        }
    }

    private async Task EditAsync(ImportRuleResponse rule)
    {
        var result = await RuleEditor.ShowAsync(Dialogs, rule, _lookups.Categories);
        if (result?.Saved is { } saved)
        {
            Notifications.Toast("Saved", RuleEditor.Describe(saved));
            await LoadAsync();
        }
        else if (result?.DeleteRequested == true)
        {
            await DeleteAsync(rule);
        }
    }

    private async Task DeleteAsync(ImportRuleResponse rule)
    {
        if (!await Dialogs.ConfirmAsync("Delete this rule?", $"{RuleEditor.Describe(rule)} will no longer apply to imports. Transactions already imported keep their category."))
        {
            return;
        }
        // Gone already (deleted in another tab) is what the person wanted too.
        var gone = false;
        if (await TryApiAsync(() => Api.DeleteImportRuleAsync(rule.Id), e => gone = e.IsNotFound) || gone)
        {
            Notifications.Toast("Deleted", RuleEditor.Describe(rule));
            await LoadAsync();
        }
    }
}
