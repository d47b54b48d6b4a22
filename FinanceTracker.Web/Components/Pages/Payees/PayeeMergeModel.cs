using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Payees;

/// <summary>The name payees get: a rename's new name, or the one several are merged into. Named like the Api's field.</summary>
public sealed class PayeeMergeModel : IValidatableObject
{
    [Required(ErrorMessage = "Enter the name the transactions should have.")]
    [StringLength(200, ErrorMessage = "Keep the payee under 200 characters.")]
    public string? Into { get; set; }

    /// <summary>For a rename: the current name, which the new one must differ from.</summary>
    public string? Current { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Current is not null && string.Equals(Into?.Trim(), Current, StringComparison.Ordinal))
        {
            yield return new("That is its name already. Type the new name.", [nameof(Into)]);
        }
    }

    /// <summary>"12 transactions" from the list's counts: what the person is asked to confirm.</summary>
    public static string Transactions(long count) => count == 1 ? "1 transaction" : $"{count:N0} transactions";

    public static string Names(IReadOnlyList<Payee> payees) => payees.Count switch
    {
        1 => $"“{payees[0].Name}”",
        _ => string.Join(", ", payees.Take(payees.Count - 1).Select(p => $"“{p.Name}”")) + $" and “{payees[^1].Name}”",
    };

    /// <summary>What happened, as the Api counted it.</summary>
    public static string Outcome(IReadOnlyList<Payee> from, MergePayeesResult done, bool rename)
    {
        var rules = done.RecurringRules switch { 0 => "", 1 => " and 1 recurring rule", var n => $" and {n:N0} recurring rules" };
        return rename
            ? $"Renamed {Names(from)} to “{done.Into}”: {Transactions(done.Transactions)}{rules} changed."
            : $"Merged {Names(from)} into “{done.Into}”: {Transactions(done.Transactions)}{rules} changed.";
    }
}
