namespace FinanceTracker.Api.Import.Rules;

/// <summary>A rule request after its checks: trimmed text, a valid pattern, something to do.</summary>
internal sealed record ValidRule(RuleMatch Match, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int? Position)
{
    public static (ValidRule? Rule, Dictionary<string, string[]> Errors) From(ImportRuleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var pattern = request.Pattern?.Trim() ?? "";
        if (pattern.Length == 0)
        {
            errors["pattern"] = ["Give the text to look for in the payee."];
        }
        else if (ImportRule.CheckPattern(request.Match ?? RuleMatch.Contains, pattern) is { } patternError)
        {
            errors["pattern"] = [patternError];
        }
        var rename = PayeeText.Clean(request.RenamePayee) is { Length: > 0 } r ? r : null;
        var tag = request.AddTag?.Trim() is { Length: > 0 } t ? t : null;
        if (request.CategoryId is null && rename is null && tag is null)
        {
            errors["categoryId"] = ["A rule must set a category, rename the payee or add a tag."];
        }
        if (request.Position is < 0)
        {
            errors["position"] = ["'position' must be 0 or more."];
        }
        return errors.Count > 0
            ? (null, errors)
            : (new ValidRule(request.Match ?? RuleMatch.Contains, pattern, request.CategoryId, rename, tag, request.Position), errors);
    }
}
