using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>An import rule as the person edits it: "payee contains / equals / matches X → category, rename, tag".</summary>
public sealed class RuleFormModel
{
    [Required(ErrorMessage = "Choose how the payee is matched.")]
    public RuleMatch? Match { get; set; } = RuleMatch.Contains;

    [Required(ErrorMessage = "Enter the text to look for in the payee.")]
    [StringLength(200, ErrorMessage = "Keep the pattern under 200 characters.")]
    public string? Pattern { get; set; }

    public long? CategoryId { get; set; }

    [StringLength(200, ErrorMessage = "Keep the new payee name under 200 characters.")]
    public string? RenamePayee { get; set; }

    [StringLength(50, ErrorMessage = "Keep the tag under 50 characters.")]
    public string? AddTag { get; set; }

    public int? Position { get; set; }

    public static RuleFormModel From(ImportRuleResponse rule) => new()
    {
        Match = rule.Match,
        Pattern = rule.Pattern,
        CategoryId = rule.CategoryId,
        RenamePayee = rule.RenamePayee,
        AddTag = rule.AddTag,
        Position = rule.Position,
    };

    public ImportRuleRequest ToRequest() =>
        new(Match, Pattern?.Trim(), CategoryId, Blank(RenamePayee), Blank(AddTag), Position);

    public static string MatchText(RuleMatch match) => match switch
    {
        RuleMatch.Contains => "contains",
        RuleMatch.Equals => "equals",
        RuleMatch.Matches => "matches the pattern",
        _ => match.ToString().ToLowerInvariant(),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
