using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Transfers;

/// <summary>
/// Money moved between two of one's own accounts: <see cref="Amount"/> (positive) leaves the first, <see cref="ToAmount"/>
/// (the amount that arrived, required between accounts of different currencies; equal to amount or absent otherwise)
/// arrives in the second.
/// </summary>
public sealed record CreateTransferRequest(
    [Required] long? FromAccountId,
    [Required] long? ToAccountId,
    [Required] DateOnly? Date,
    [Required] decimal? Amount,
    decimal? ToAmount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes);

public sealed record TransferCreated(long Id, long FromTransactionId, long ToTransactionId);

/// <summary>
/// A transfer with both sides; a side whose account was deleted is null (with its account, amount and currency).
/// <see cref="Rate"/> = toAmount ÷ amount, the rate actually paid, to 8 decimal places.
/// </summary>
public sealed record TransferResponse(
    long Id, long? FromTransactionId, long? ToTransactionId, long? FromAccountId, long? ToAccountId, DateOnly Date,
    decimal? Amount, string? FromCurrency, decimal? ToAmount, string? ToCurrency, decimal? Rate, string Payee, string Notes);

/// <summary>One side of a transfer as it is locked for a change.</summary>
internal sealed record TransferSide(long Id, long AccountId, DateTime BookingDate, decimal Amount, string Currency, int Version, string Payee, string Notes);

/// <summary>A transfer and the sides it still has, both locked (accounts first, then rows).</summary>
internal sealed record LockedTransfer(long Id, TransferSide? From, TransferSide? To)
{
    public IEnumerable<TransferSide> Sides => new[] { From, To }.OfType<TransferSide>();
}
