using System.ComponentModel.DataAnnotations;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Transactions;

public sealed record TransactionResponse(
    long Id, long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency,
    string Payee, string Notes, IReadOnlyList<string> Tags, int Version, int ReceiptCount, long? RecurringId);

/// <summary>The fields a create and an update share; checked by <see cref="TransactionRules"/>.</summary>
public interface ITransactionFields
{
    long? AccountId { get; }
    long? CategoryId { get; }
    DateOnly? Date { get; }
    decimal? Amount { get; }
    string? Payee { get; }
    string? Notes { get; }
    List<string>? Tags { get; }
}

public sealed record CreateTransactionRequest(
    [Required] long? AccountId,
    long? CategoryId,
    [Required] DateOnly? Date,
    [Required] decimal? Amount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes,
    [MaxLength(20)] List<string>? Tags) : ITransactionFields;

public sealed record UpdateTransactionRequest(
    [Required] long? AccountId,
    long? CategoryId,
    [Required] DateOnly? Date,
    [Required] decimal? Amount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes,
    [MaxLength(20)] List<string>? Tags,
    [Required] int? Version) : ITransactionFields;

public sealed record CurrencyTotal(string Currency, decimal Amount);

public sealed record TransactionPage(
    IReadOnlyList<TransactionResponse> Items, long TotalCount, IReadOnlyList<CurrencyTotal> Totals, string? NextCursor);

/// <summary>A validated create or update: what the store writes.</summary>
internal sealed record TransactionInput(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Payee, string Notes, IReadOnlyList<string> Tags);

/// <summary>A row of the transactions table as Dapper reads it (tags come from their own table).</summary>
internal sealed record TransactionRow(
    long Id, long AccountId, long? CategoryId, DateTime BookingDate, decimal Amount, string Currency,
    string Payee, string Notes, int Version, long? RecurringId)
{
    public TransactionResponse ToResponse(IReadOnlyList<string> tags, int receiptCount) => new(
        Id, AccountId, CategoryId, DateOnly.FromDateTime(BookingDate), Currencies.Normalize(Amount, Currency),
        Currency, Payee, Notes, tags, Version, receiptCount, RecurringId);
}
