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

    /// <summary>The Api's limit on an amount's size (MoneyLimits.MaxAbsoluteAmount), so the form refuses what the Api would.</summary>
    public const decimal MaxAbsoluteAmount = 1_000_000_000_000m;

    /// <summary>The Api's range of dates (DateBounds).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    [Required(ErrorMessage = "Choose an account.")]
    public long? AccountId { get; set; }

    [Required(ErrorMessage = "Enter a date.")]
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

    public TransactionFormMode Mode { get; set; }

    /// <summary>Transfer mode: the account the money goes to (<see cref="AccountId"/> is the one it leaves).</summary>
    public long? ToAccountId { get; set; }

    /// <summary>Transfer mode, between accounts of different currencies: the amount that arrived.</summary>
    public string? ToAmount { get; set; }

    /// <summary>Split mode: the parts, each with its category.</summary>
    public List<SplitLine> Splits { get; set; } = [];

    /// <summary>An existing transfer side: edited as a plain row without category (the Api keeps both sides in step).</summary>
    public bool IsTransferSide { get; set; }

    public string? ToCurrency => ToAccountId is { } id && AccountCurrencies.TryGetValue(id, out var c) ? c : null;

    public bool CurrenciesDiffer => Mode == TransactionFormMode.Transfer && Currency is { } from && ToCurrency is { } to && from != to;

    /// <summary>What is left of the total to give to parts (0 when the split is complete), or null while amounts are not numbers.</summary>
    public decimal? Remainder => AmountText.TryParse(Amount, out var total) && Splits.All(s => string.IsNullOrWhiteSpace(s.Amount) || s.Value is not null)
        ? Math.Abs(total) - Splits.Sum(s => s.Value ?? 0)
        : null;

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

    /// <summary>
    /// The signed amount a save would store, or null when the form would refuse it (the amount is not valid, or a split
    /// does not add up): the "Will be saved as" preview shows this, so it never promises what validation then refuses.
    /// </summary>
    public decimal? SavedAmount => AmountError is null && SignedAmount is { } amount && ModeErrors().FirstOrDefault() is null ? amount : null;

    /// <summary>What is wrong with the typed amount (the message shown beside it), or null when it can be saved.</summary>
    public string? AmountError => SignedAmount switch
    {
        null => string.IsNullOrWhiteSpace(Amount) ? "Enter an amount." : "Enter a number, like 42.50.",
        0 => "Enter an amount other than zero.",
        { } amount when Math.Abs(amount) >= MaxAbsoluteAmount => $"Enter an amount under {MaxAbsoluteAmount:N0}.",
        { } amount when Currency is { } currency && MoneyFormatter.HasTooManyDecimals(amount, currency) => TooManyDecimals(currency),
        _ => null,
    };

    private static string TooManyDecimals(string currency) => MoneyFormatter.DecimalsOf(currency) is var decimals && decimals == 0
        ? $"{currency} amounts have no decimals."
        : $"{currency} amounts have at most {decimals} decimals.";

    public static TransactionFormModel ForNew(long? accountId, DateOnly today) => new() { AccountId = accountId, Date = today };

    public static TransactionFormModel From(Transaction t) => new()
    {
        Mode = t.Splits.Count > 0 ? TransactionFormMode.Split : TransactionFormMode.Single,
        IsTransferSide = t.TransferId is not null,
        Splits = t.Splits.Select(p => new SplitLine
        {
            CategoryId = p.CategoryId, Amount = MoneyFormatter.ToInput(Math.Abs(p.Amount), t.Currency), Notes = p.Notes,
        }).ToList(),
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
        new(AccountId!.Value, IsSplit ? null : CategoryId, Date!.Value, SignedAmount!.Value, Clean(Payee), Clean(Notes), TagList, SplitParts());

    public UpdateTransactionRequest ToUpdate() =>
        new(AccountId!.Value, IsSplit || IsTransferSide ? null : CategoryId, Date!.Value, SignedAmount!.Value, Clean(Payee), Clean(Notes), TagList, Version, SplitParts());

    /// <summary>Money leaves <see cref="AccountId"/>: the amount is positive, whichever direction was chosen.</summary>
    public CreateTransferRequest ToTransfer() => new(
        AccountId!.Value, ToAccountId!.Value, Date!.Value, Math.Abs(SignedAmount!.Value),
        CurrenciesDiffer && AmountText.TryParse(ToAmount, out var received) ? Math.Abs(received) : null, Clean(Payee), Clean(Notes));

    private bool IsSplit => Mode == TransactionFormMode.Split;

    // Parts take the total's direction; an empty list on update turns a split back into a single row.
    private IReadOnlyList<TransactionSplit> SplitParts() => IsSplit
        ? Splits.Select(p => new TransactionSplit(p.CategoryId, MoneyIn ? p.Value!.Value : -p.Value!.Value, Clean(p.Notes))).ToList()
        : [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Date is { } date && (date < EarliestDate || date > LatestDate))
        {
            yield return new($"Enter a date between {EarliestDate.Year} and {LatestDate.Year}.", [nameof(Date)]);
        }
        if (string.IsNullOrWhiteSpace(Amount))
        {
            yield break;
        }
        if (AmountError is { } amountError)
        {
            yield return new(amountError, [nameof(Amount)]);
        }
        foreach (var result in ModeErrors())
        {
            yield return result;
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

    private IEnumerable<ValidationResult> ModeErrors()
    {
        if (Mode == TransactionFormMode.Transfer)
        {
            if (ToAccountId is null || ToAccountId == AccountId)
            {
                yield return new("Choose the other account the money goes to.", [nameof(ToAccountId)]);
            }
            else if (CurrenciesDiffer && (!AmountText.TryParse(ToAmount, out var received) || received == 0))
            {
                yield return new($"Enter the amount in {ToCurrency} that arrived.", [nameof(ToAmount)]);
            }
        }
        if (Mode == TransactionFormMode.Split)
        {
            if (Splits.Count < 2)
            {
                yield return new("A split has at least two parts.", [nameof(Splits)]);
            }
            else if (Remainder is { } left && left != 0)
            {
                yield return new("The parts must add up to the amount exactly.", [nameof(Splits)]);
            }
            else if (Splits.Any(p => p.Value is not { } v || v == 0))
            {
                yield return new("Give every part an amount other than zero.", [nameof(Splits)]);
            }
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
