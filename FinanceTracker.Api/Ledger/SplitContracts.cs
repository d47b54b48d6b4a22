namespace FinanceTracker.Api.Ledger;

/// <summary>One part of a split transaction as a client sends it; checked by <see cref="SplitRules"/>.</summary>
public sealed record SplitRequest(long? CategoryId, decimal? Amount, string? Notes);

/// <summary>One part of a split transaction as the Api answers it, in the order it was given.</summary>
public sealed record SplitResponse(long? CategoryId, decimal Amount, string Notes);

/// <summary>A validated part: what the store writes.</summary>
internal sealed record SplitPart(long? CategoryId, decimal Amount, string Notes);
