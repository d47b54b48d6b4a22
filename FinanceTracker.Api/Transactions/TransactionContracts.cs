using System.ComponentModel.DataAnnotations;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// A transaction. <see cref="TransferId"/> links the two sides of a transfer (<see cref="TransferAccountId"/> is the other
/// side's account, null once that account is deleted); <see cref="Splits"/> are a split transaction's parts, else empty.
/// <see cref="Cleared"/>: seen on the bank's statement; <see cref="Reconciled"/>: matched to a statement's closing
/// balance. <see cref="RunningBalance"/> is the account's balance after this row, in a list filtered to one account.
/// </summary>
public sealed record TransactionResponse(
    long Id, long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency,
    string Payee, string Notes, IReadOnlyList<string> Tags, int Version, int ReceiptCount,
    long? TransferId, long? TransferAccountId, IReadOnlyList<SplitResponse> Splits, long? RecurringId,
    bool Cleared, bool Reconciled, decimal? RunningBalance = null);

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
    List<SplitRequest?>? Splits { get; }
}

public sealed record CreateTransactionRequest(
    [Required] long? AccountId,
    long? CategoryId,
    [Required] DateOnly? Date,
    [Required] decimal? Amount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes,
    [MaxLength(20)] List<string>? Tags,
    List<SplitRequest?>? Splits = null) : ITransactionFields;

public sealed record UpdateTransactionRequest(
    [Required] long? AccountId,
    long? CategoryId,
    [Required] DateOnly? Date,
    [Required] decimal? Amount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes,
    [MaxLength(20)] List<string>? Tags,
    [Required] int? Version,
    List<SplitRequest?>? Splits = null,
    bool ConfirmReconciled = false) : ITransactionFields;

public sealed record CurrencyTotal(string Currency, decimal Amount);

/// <summary>A page of the list; <see cref="TotalCount"/> and <see cref="Totals"/> are null when asked without them (<c>totals=false</c>).</summary>
public sealed record TransactionPage(
    IReadOnlyList<TransactionResponse> Items, long? TotalCount, IReadOnlyList<CurrencyTotal>? Totals, string? NextCursor);

/// <summary>How many rows match a filter, and their net sum per currency: <c>GET /api/transactions/totals</c>.</summary>
public sealed record TransactionTotalsResponse(long TotalCount, IReadOnlyList<CurrencyTotal> Totals);

/// <summary>A validated create or update: what the store writes.</summary>
internal sealed record TransactionInput(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Payee, string Notes, IReadOnlyList<string> Tags,
    IReadOnlyList<SplitPart> Splits);

/// <summary>A row of the transactions table as Dapper reads it (tags come from their own table).</summary>
internal sealed record TransactionRow(
    long Id, long AccountId, long? CategoryId, DateTime BookingDate, decimal Amount, string Currency,
    string Payee, string Notes, int Version, long? TransferId, long? RecurringId, bool Cleared, bool Reconciled)
{
    public TransactionResponse ToResponse(IReadOnlyList<string> tags, int receiptCount, long? transferAccountId, IEnumerable<SplitPart> splits) => new(
        Id, AccountId, CategoryId, DateOnly.FromDateTime(BookingDate), Currencies.Normalize(Amount, Currency),
        Currency, Payee, Notes, tags, Version, receiptCount, TransferId, transferAccountId,
        splits.Select(p => new SplitResponse(p.CategoryId, Currencies.Normalize(p.Amount, Currency), p.Notes)).ToList(), RecurringId,
        Cleared, Reconciled);
}
