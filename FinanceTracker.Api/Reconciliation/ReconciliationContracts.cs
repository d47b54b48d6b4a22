using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Reconciliation;

/// <summary>
/// Marks a row cleared or not. Un-clearing a reconciled row needs <see cref="ConfirmReconciled"/>, and then the row is no
/// longer reconciled either.
/// </summary>
public sealed record ClearedRequest([Required] bool? Cleared, bool ConfirmReconciled = false);

/// <summary>
/// Where an account's reconciliation stands on <see cref="StatementDate"/>: <see cref="ClearedBalance"/> = the opening
/// balance plus every cleared row dated on or before it, to hold against the statement's closing balance.
/// </summary>
public sealed record ReconciliationStatus(
    long AccountId, string Currency, DateOnly StatementDate, decimal ClearedBalance, long ClearedCount, long UnclearedCount,
    DateOnly? LastReconciledDate, decimal? LastReconciledBalance);

/// <summary>
/// Finishes a reconciliation: the rows in <see cref="ClearedIds"/> are cleared first, then the cleared balance on
/// <see cref="StatementDate"/> must equal <see cref="StatementBalance"/>, and every cleared row up to that date becomes
/// reconciled.
/// </summary>
public sealed record ReconcileRequest([Required] DateOnly? StatementDate, [Required] decimal? StatementBalance, List<long>? ClearedIds);

public sealed record ReconcileResult(long AccountId, DateOnly StatementDate, decimal StatementBalance, int ReconciledCount);
