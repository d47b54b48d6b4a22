using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Recurring;

/// <summary>
/// What the rule form edits. Property names match the Api's request fields so its field errors land beside the right
/// inputs. The amount is typed without a sign; <see cref="MoneyIn"/> gives it. Whole numbers are typed as text.
/// </summary>
public sealed class RecurringFormModel : IValidatableObject
{
    [Required(ErrorMessage = "Choose an account.")]
    public long? AccountId { get; set; }

    public long? CategoryId { get; set; }

    [Required(ErrorMessage = "Enter an amount.")]
    public string? Amount { get; set; }

    public bool MoneyIn { get; set; }

    [Required(ErrorMessage = "Enter the payee.")]
    [StringLength(200, ErrorMessage = "Keep the payee under 200 characters.")]
    public string? Payee { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }

    public RecurringFrequency Frequency { get; set; } = RecurringFrequency.Monthly;

    [Required(ErrorMessage = "Enter how many days, weeks, months or years apart.")]
    public string? Interval { get; set; } = "1";

    /// <summary>"" (the start date's day), "1"–"31" or "last"; monthly and yearly rules only.</summary>
    public string DayOfMonth { get; set; } = "";

    [Required(ErrorMessage = "Enter a date.")]
    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Count { get; set; }

    public IReadOnlyDictionary<long, string> AccountCurrencies { get; set; } = new Dictionary<long, string>();

    public bool HasDay => Frequency is RecurringFrequency.Monthly or RecurringFrequency.Yearly;

    private decimal? SignedAmount => AmountText.TryParse(Amount, out var value) ? (MoneyIn ? Math.Abs(value) : -Math.Abs(value)) : null;

    public static RecurringFormModel From(RecurringRule rule) => new()
    {
        AccountId = rule.AccountId, CategoryId = rule.CategoryId, Amount = MoneyFormatter.ToInput(Math.Abs(rule.Amount), rule.Currency),
        MoneyIn = rule.Amount > 0, Payee = rule.Payee, Notes = rule.Notes, Frequency = rule.Frequency,
        Interval = rule.Interval.ToString(CultureInfo.InvariantCulture), DayOfMonth = rule.DayOfMonth?.ToString() ?? "",
        StartDate = rule.StartDate, EndDate = rule.EndDate, Count = rule.Count?.ToString(CultureInfo.InvariantCulture),
    };

    public static RecurringFormModel From(RecurringSuggestion suggestion) => new()
    {
        AccountId = suggestion.AccountId, CategoryId = suggestion.CategoryId,
        Amount = MoneyFormatter.ToInput(Math.Abs(suggestion.Amount), suggestion.Currency), MoneyIn = suggestion.Amount > 0,
        Payee = suggestion.Payee, Frequency = suggestion.Frequency, Interval = suggestion.Interval.ToString(CultureInfo.InvariantCulture),
        DayOfMonth = suggestion.DayOfMonth?.ToString() ?? "", StartDate = suggestion.NextDate,
    };

    public RecurringRuleRequest ToRequest() => new(
        AccountId!.Value, CategoryId, SignedAmount!.Value, Payee!.Trim(), string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        Frequency, int.Parse(Interval!, CultureInfo.InvariantCulture),
        !HasDay || DayOfMonth.Length == 0 ? null : DayOfMonth == "last" ? RecurringDay.Last : RecurringDay.Of(int.Parse(DayOfMonth, CultureInfo.InvariantCulture)),
        StartDate!.Value, EndDate, string.IsNullOrWhiteSpace(Count) ? null : int.Parse(Count, CultureInfo.InvariantCulture));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (SignedAmount is not { } amount)
                yield return new("Enter a number, like 15.99.", [nameof(Amount)]);
            else if (amount == 0)
                yield return new("Enter an amount other than zero.", [nameof(Amount)]);
            else if (AccountId is { } id && AccountCurrencies.TryGetValue(id, out var currency) && MoneyFormatter.HasTooManyDecimals(amount, currency))
                yield return new($"{currency} amounts have at most {MoneyFormatter.DecimalsOf(currency)} decimals.", [nameof(Amount)]);
        }
        if (!string.IsNullOrWhiteSpace(Interval) && (!int.TryParse(Interval, NumberStyles.None, CultureInfo.InvariantCulture, out var every) || every is < 1 or > 366))
            yield return new("Enter a whole number from 1 to 366.", [nameof(Interval)]);
        if (!string.IsNullOrWhiteSpace(Count) && (!int.TryParse(Count, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1))
            yield return new("Enter a whole number of 1 or more, or leave it empty.", [nameof(Count)]);
        if (EndDate is { } end && StartDate is { } start && end < start)
            yield return new("The end can't be before the first date.", [nameof(EndDate)]);
    }
}
