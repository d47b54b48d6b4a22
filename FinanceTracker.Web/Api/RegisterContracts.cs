namespace FinanceTracker.Web.Api;

// An account's register against the bank: rows cleared one by one, then reconciled to a statement's closing balance.

/// <summary>Un-clearing a reconciled row needs <see cref="ConfirmReconciled"/>; the row is then no longer reconciled.</summary>
public sealed record ClearedRequest(bool Cleared, bool ConfirmReconciled = false);

/// <summary>The opening balance plus every cleared row dated on or before <see cref="StatementDate"/>.</summary>
public sealed record ReconciliationStatus(
    long AccountId, string Currency, DateOnly StatementDate, decimal ClearedBalance, long ClearedCount, long UnclearedCount,
    DateOnly? LastReconciledDate, decimal? LastReconciledBalance);

public sealed record ReconcileRequest(DateOnly StatementDate, decimal StatementBalance, IReadOnlyList<long>? ClearedIds = null);

public sealed record ReconcileResult(long AccountId, DateOnly StatementDate, decimal StatementBalance, int ReconciledCount);
