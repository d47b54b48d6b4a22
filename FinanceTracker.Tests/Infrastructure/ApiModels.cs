namespace FinanceTracker.Tests.Infrastructure;

// The Api's JSON as an outside client sees it: tests don't share the server's types.
public sealed record Account(long Id, string Name, string Type, string Currency, decimal OpeningBalance, decimal Balance, bool Archived);

public sealed record Category(long Id, string Name, string Kind, long? ParentId, string? Color);

public sealed record Transaction(
    long Id, long AccountId, long? CategoryId, string Date, decimal Amount, string Currency,
    string Payee, string Notes, List<string> Tags, int Version);

public sealed record CurrencyTotal(string Currency, decimal Amount);

public sealed record TransactionPage(List<Transaction> Items, long TotalCount, List<CurrencyTotal> Totals, string? NextCursor);

public sealed record Problem(string? Title, int Status, string? Detail, Dictionary<string, string[]>? Errors);
