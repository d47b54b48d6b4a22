namespace FinanceTracker.Api.Import;

/// <summary>One of the person's accounts that a statement account's rows go to.</summary>
internal sealed record ImportTarget(long AccountId, string Currency);

/// <summary>What the ledger already holds that an import is compared with.</summary>
/// <param name="Imported">Rows imported before, by their import key (hex).</param>
/// <param name="HandEntered">Rows entered by hand in the import's accounts and date range (±3 days).</param>
internal sealed record LedgerMatches(
    IReadOnlyDictionary<string, ExistingRow> Imported,
    IReadOnlyList<ExistingRow> HandEntered)
{
    public static LedgerMatches None { get; } = new(new Dictionary<string, ExistingRow>(), []);
}

internal sealed record ExistingRow(long Id, long AccountId, DateTime BookingDate, decimal Amount, string Payee)
{
    public DateOnly Date => DateOnly.FromDateTime(BookingDate);
}
