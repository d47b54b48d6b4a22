namespace FinanceTracker.Tests.Infrastructure;

// The Api's JSON as an outside client sees it: tests don't share the server's types.
public sealed record Account(long Id, string Name, string Type, string Currency, decimal OpeningBalance, decimal Balance, bool Archived);

public sealed record Category(long Id, string Name, string Kind, long? ParentId, string? Color);

public sealed record Transaction(
    long Id, long AccountId, long? CategoryId, string Date, decimal Amount, string Currency,
    string Payee, string Notes, List<string> Tags, int Version, int ReceiptCount,
    long? TransferId = null, long? TransferAccountId = null, List<Split>? Splits = null,
    bool Cleared = false, bool Reconciled = false, decimal? RunningBalance = null)
{
    // Value equality for the tags too, so a whole transaction can be compared before and after.
    public bool Equals(Transaction? other) =>
        other is not null && (Id, AccountId, CategoryId, Date, Amount, Currency, Payee, Notes, Version, ReceiptCount)
            == (other.Id, other.AccountId, other.CategoryId, other.Date, other.Amount, other.Currency, other.Payee, other.Notes, other.Version, other.ReceiptCount)
        && Tags.SequenceEqual(other.Tags);

    public override int GetHashCode() => HashCode.Combine(Id, Version);

    public override string ToString() => $"#{Id} {Date} {Amount} {Currency} '{Payee}' [{string.Join(",", Tags)}] v{Version}";
}

public sealed record Split(long? CategoryId, decimal Amount, string Notes);

public sealed record TransferCreated(long Id, long FromTransactionId, long ToTransactionId);

public sealed record Transfer(
    long Id, long? FromTransactionId, long? ToTransactionId, long? FromAccountId, long? ToAccountId, string Date,
    decimal? Amount, string? FromCurrency, decimal? ToAmount, string? ToCurrency, decimal? Rate, string Payee, string Notes);

public sealed record CurrencyTotal(string Currency, decimal Amount);

public sealed record TransactionPage(List<Transaction> Items, long TotalCount, List<CurrencyTotal> Totals, string? NextCursor);

public sealed record TransactionTotals(long TotalCount, List<CurrencyTotal> Totals);

public sealed record Receipt(long Id, long TransactionId, string FileName, string ContentType, long Size, DateTime UploadedAt);

public sealed record Problem(string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
