using System.ComponentModel.DataAnnotations;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Accounts;

public enum AccountType { Checking, Savings, Credit, Cash, Investment, Loan }

public sealed record AccountResponse(
    long Id, string Name, AccountType Type, string Currency, decimal OpeningBalance, decimal Balance, bool Archived);

public sealed record CreateAccountRequest(
    [Required, StringLength(100)] string? Name,
    [Required] AccountType? Type,
    [Required] string? Currency,
    decimal OpeningBalance);

public sealed record UpdateAccountRequest(
    [Required, StringLength(100)] string? Name,
    [Required] AccountType? Type,
    [Required] string? Currency,
    decimal OpeningBalance,
    bool Archived);

/// <summary>A row of the accounts table as Dapper reads it.</summary>
internal sealed record AccountRow(
    long Id, string Name, string Type, string Currency, decimal OpeningBalance, decimal TransactionsTotal, bool Archived)
{
    public AccountResponse ToResponse() => new(
        Id, Name, Enum.Parse<AccountType>(Type, ignoreCase: true), Currency,
        Currencies.Normalize(OpeningBalance, Currency),
        Currencies.Normalize(OpeningBalance + TransactionsTotal, Currency),
        Archived);
}

internal static class AccountTypeExtensions
{
    public static string ToDb(this AccountType type) => type.ToString().ToLowerInvariant();
}
