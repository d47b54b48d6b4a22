using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Formatting;

namespace FinanceTracker.Web.Components.Pages.Accounts;

/// <summary>What the account form edits; property names match the Api's request fields for error mapping.</summary>
public sealed class AccountFormModel : IValidatableObject
{
    [Required(ErrorMessage = "Give the account a name.")]
    [StringLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Choose a type.")]
    public string? Type { get; set; } = "checking";

    [Required(ErrorMessage = "Enter a currency code, like EUR.")]
    [RegularExpression("^[A-Za-z]{3}$", ErrorMessage = "Use a three-letter ISO code, like EUR or USD.")]
    public string? Currency { get; set; } = "EUR";

    public string? OpeningBalance { get; set; } = "0";

    public bool Archived { get; set; }

    public static AccountFormModel From(Account account) => new()
    {
        Name = account.Name,
        Type = AccountTypes.Value(account.Type),
        Currency = account.Currency,
        OpeningBalance = MoneyFormatter.ToInput(account.OpeningBalance, account.Currency),
        Archived = account.Archived,
    };

    public AccountType ParsedType => Enum.Parse<AccountType>(Type!, ignoreCase: true);

    public decimal ParsedOpeningBalance => AmountText.TryParse(OpeningBalance, out var value) ? value : 0m;

    public CreateAccountRequest ToCreate() =>
        new(Name!.Trim(), ParsedType, Currency!.ToUpperInvariant(), ParsedOpeningBalance);

    public UpdateAccountRequest ToUpdate() =>
        new(Name!.Trim(), ParsedType, Currency!.ToUpperInvariant(), ParsedOpeningBalance, Archived);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(OpeningBalance) && !AmountText.TryParse(OpeningBalance, out _))
        {
            yield return new("Enter a number, like 1250.00.", [nameof(OpeningBalance)]);
        }
        else if (Currency is { Length: 3 } currency && MoneyFormatter.HasTooManyDecimals(ParsedOpeningBalance, currency))
        {
            yield return new(
                $"{currency.ToUpperInvariant()} amounts have at most {MoneyFormatter.DecimalsOf(currency)} decimals.",
                [nameof(OpeningBalance)]);
        }
    }
}
