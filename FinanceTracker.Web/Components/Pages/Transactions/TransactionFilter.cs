using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>The filters a person set on the transactions page.</summary>
public sealed class TransactionFilter
{
    public string? Q { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public long? AccountId { get; set; }
    public long? CategoryId { get; set; }

    /// <summary>Only the rows one import added (from the import page's link); not part of the panel.</summary>
    public long? ImportId { get; set; }

    /// <summary>How many of the panel's filters are set (search is counted separately, it is always visible).</summary>
    public int PanelCount => (From is null ? 0 : 1) + (To is null ? 0 : 1) + (AccountId is null ? 0 : 1) + (CategoryId is null ? 0 : 1);

    public bool IsEmpty => PanelCount == 0 && string.IsNullOrWhiteSpace(Q) && ImportId is null;

    public void ClearPanel() => (From, To, AccountId, CategoryId) = (null, null, null, null);

    public TransactionQuery ToQuery(string? cursor, int pageSize) => new()
    {
        Q = Q,
        From = From,
        To = To,
        AccountId = AccountId,
        CategoryId = CategoryId,
        ImportId = ImportId,
        Cursor = cursor,
        PageSize = pageSize,
    };
}
