using System.ComponentModel.DataAnnotations;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>
/// What the transaction form edits. Property names match the Api's request fields so its field errors
/// land beside the right inputs. The amount is typed without a sign; <see cref="MoneyIn"/> gives it.
/// </summary>
public sealed class TransactionFormModel : IValidatableObject
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;

    [Required(ErrorMessage = "Choose an account.")]
    public long? AccountId { get; set; }

    [Required(ErrorMessage = "Enter the date.")]
    public DateOnly? Date { get; set; }

    [Required(ErrorMessage = "Enter an amount.")]
    public string? Amount { get; set; }

    /// <summary>False for money out (negative amounts), true for money in.</summary>
    public bool MoneyIn { get; set; }

    public long? CategoryId { get; set; }

    [StringLength(200, ErrorMessage = "Keep the payee under 200 characters.")]
    public string? Payee { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the notes under 2,000 characters.")]
    public string? Notes { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string? Tags { get; set; }

    public int Version { get; set; }

    /// <summary>Currency of each account, to check the amount's decimals; not a form field.</summary>
    public IReadOnlyDictionary<long, string> AccountCurrencies { get; set; } = new Dictionary<long, string>();

    public string? Currency => AccountId is { } id && AccountCurrencies.TryGetValue(id, out var c) ? c : null;

    public IReadOnlyList<string> TagList =>
        (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>The signed amount the Api stores, or null while the text is not a number.</summary>
    public decimal? SignedAmount => AmountText.TryParse(Amount, out var value)
        ? (MoneyIn ? Math.Abs(value) : -Math.Abs(value))
        : null;

    public static TransactionFormModel ForNew(long? accountId, DateOnly today) => new() { AccountId = accountId, Date = today };

    public static TransactionFormModel From(Transaction t) => new()
    {
        AccountId = t.AccountId,
        Date = t.Date,
        Amount = MoneyFormatter.ToInput(Math.Abs(t.Amount), t.Currency),
        MoneyIn = t.Amount > 0,
        CategoryId = t.CategoryId,
        Payee = t.Payee,
        Notes = t.Notes,
        Tags = string.Join(", ", t.Tags),
        Version = t.Version,
    };

    public CreateTransactionRequest ToCreate() =>
        new(AccountId!.Value, CategoryId, Date!.Value, SignedAmount!.Value, Clean(Payee), Clean(Notes), TagList);

    public UpdateTransactionRequest ToUpdate() =>
        new(AccountId!.Value, CategoryId, Date!.Value, SignedAmount!.Value, Clean(Payee), Clean(Notes), TagList, Version);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Amount))
        {
            yield break;
        }
        if (SignedAmount is not { } amount)
        {
            yield return new("Enter a number, like 42.50.", [nameof(Amount)]);
        }
        else if (amount == 0)
        {
            yield return new("Enter an amount other than zero.", [nameof(Amount)]);
        }
        else if (Currency is { } currency && MoneyFormatter.HasTooManyDecimals(amount, currency))
        {
            var decimals = MoneyFormatter.DecimalsOf(currency);
            yield return new(decimals == 0
                ? $"{currency} amounts have no decimals."
                : $"{currency} amounts have at most {decimals} decimals.", [nameof(Amount)]);
        }
        if (TagList.Count > MaxTags)
        {
            yield return new($"Use at most {MaxTags} tags.", [nameof(Tags)]);
        }
        else if (TagList.Any(tag => tag.Length > MaxTagLength))
        {
            yield return new($"Keep each tag under {MaxTagLength} characters.", [nameof(Tags)]);
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
