using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>The filters a person set on the transactions page; they live in the page's URL (see <see cref="TransactionFilterUrl"/>).</summary>
public sealed class TransactionFilter
{
    public string? Q { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public long? AccountId { get; set; }
    public long? CategoryId { get; set; }
    public string? Tag { get; set; }

    /// <summary>Signed, as stored: money out is negative.</summary>
    public decimal? MinAmount { get; set; }
    public decimal? MaxAmount { get; set; }

    /// <summary>Only the rows one import added (from the import page's link); not part of the panel.</summary>
    public long? ImportId { get; set; }

    /// <summary>How many of the panel's filters are set (search is counted separately, it is always visible).</summary>
    public int PanelCount => new object?[] { From, To, AccountId, CategoryId, Tag, MinAmount, MaxAmount }.Count(v => v is not null);

    public bool IsEmpty => PanelCount == 0 && string.IsNullOrWhiteSpace(Q) && ImportId is null;

    /// <summary>Shown beside the From field: such a range can only ever be empty, so it is a mistake to fix, not "no results".</summary>
    public string? FromError => From > To ? $"From is after To ({To:d MMM yyyy}). Choose a date on or before it." : null;

    public string? MinAmountError => MinAmount > MaxAmount ? "The smallest amount is above the largest." : null;

    public bool IsValid => FromError is null && MinAmountError is null;

    public void ClearPanel() => (From, To, AccountId, CategoryId, Tag, MinAmount, MaxAmount) = (null, null, null, null, null, null, null);

    public TransactionFilter Copy() => (TransactionFilter)MemberwiseClone();

    public TransactionQuery ToQuery(string? cursor, int pageSize) => new()
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q,
        From = From,
        To = To,
        AccountId = AccountId,
        CategoryId = CategoryId,
        Tag = Tag,
        MinAmount = MinAmount,
        MaxAmount = MaxAmount,
        ImportId = ImportId,
        Cursor = cursor,
        PageSize = pageSize,
    };
}
