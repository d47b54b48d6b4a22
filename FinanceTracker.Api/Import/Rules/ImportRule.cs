using System.Text.RegularExpressions;

namespace FinanceTracker.Api.Import.Rules;

/// <summary>A person's rule as the importer applies it: the first rule (by position) whose pattern matches a payee wins.</summary>
internal sealed record ImportRule(long Id, RuleMatch Match, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int Position)
{
    // A hostile or careless pattern must not stall an import of 100,000 rows.
    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

    private Regex? regex;

    public bool Matches(string payee) => Match switch
    {
        RuleMatch.Contains => payee.Contains(Pattern, StringComparison.OrdinalIgnoreCase),
        RuleMatch.Equals => string.Equals(payee, Pattern, StringComparison.OrdinalIgnoreCase),
        _ => MatchesPattern(payee),
    };

    private bool MatchesPattern(string payee)
    {
        regex ??= Compile(Pattern);
        try
        {
            return regex.IsMatch(payee);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>Null when the pattern is a valid regular expression, else why not.</summary>
    public static string? CheckPattern(RuleMatch match, string pattern)
    {
        if (match != RuleMatch.Matches)
        {
            return null;
        }
        try
        {
            Compile(pattern);
            return null;
        }
        catch (ArgumentException ex)
        {
            return $"Not a valid regular expression: {ex.Message}";
        }
    }

    public ImportRuleResponse ToResponse() => new(Id, Match, Pattern, CategoryId, RenamePayee, AddTag, Position);
}
