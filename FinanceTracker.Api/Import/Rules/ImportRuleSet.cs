namespace FinanceTracker.Api.Import.Rules;

/// <summary>A person's rules in order: what each imported payee becomes.</summary>
internal sealed class ImportRuleSet(IReadOnlyList<ImportRule> rules)
{
    public static ImportRuleSet Empty { get; } = new([]);

    /// <summary>The first rule that matches <paramref name="payee"/>, or null.</summary>
    public ImportRule? Find(string payee)
    {
        foreach (var rule in rules)
        {
            if (rule.Matches(payee))
            {
                return rule;
            }
        }
        return null;
    }
}
