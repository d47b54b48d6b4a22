using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Ledger;

/// <summary>The monthly_totals entries of one transaction: one for a plain row or a transfer side, one per part for a split.</summary>
internal static class LedgerEffect
{
    public static IReadOnlyList<LedgerEntry> Of(
        long accountId, long? categoryId, DateOnly date, decimal amount, string currency, bool isTransfer, IReadOnlyList<SplitPart> parts)
    {
        if (isTransfer)
        {
            return [new LedgerEntry(accountId, LedgerCategories.Transfer, date, amount, currency)];
        }
        if (parts.Count == 0)
        {
            return [new LedgerEntry(accountId, categoryId, date, amount, currency)];
        }
        return parts.Select((part, i) => new LedgerEntry(accountId, part.CategoryId, date, part.Amount, currency, i == 0 ? 1 : 0)).ToList();
    }
}
