using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>Opens the rule dialog; shared by the rules page and the preview's "Create rule".</summary>
public static class RuleEditor
{
    public static async Task<EditorResult<ImportRuleResponse>?> ShowAsync(
        IDialogService dialogs, ImportRuleResponse? rule, IReadOnlyList<Category> categories, string? pattern = null)
    {
        var result = await dialogs.ShowDialogAsync<RuleDialog>(options =>
        {
            options.Parameters[nameof(RuleDialog.Rule)] = rule;
            options.Parameters[nameof(RuleDialog.Categories)] = categories;
            options.Parameters[nameof(RuleDialog.Pattern)] = pattern;
            options.Width = "min(640px, calc(100vw - 24px))";
        });
        return EditorResult<ImportRuleResponse>.From(result);
    }

    /// <summary>"Payee contains “ALBERT HEIJN”".</summary>
    public static string Describe(ImportRuleResponse rule) => $"Payee {RuleFormModel.MatchText(rule.Match)} “{rule.Pattern}”";
}
