namespace FinanceTracker.Api.Analytics;

/// <summary>Rolls per-category amounts up to their top-level category, keeping subcategories as a breakdown.</summary>
internal sealed class CategoryRollup(IReadOnlyList<CategoryRollup.Node> categories)
{
    internal sealed record Node(long Id, string Name, long? ParentId, string? Color);

    private const string Uncategorised = "Uncategorised";
    private readonly Dictionary<long, Node> byId = categories.ToDictionary(c => c.Id);

    public IReadOnlyList<CategoryShare> Shares(IEnumerable<(long CategoryId, decimal Amount)> amounts, Func<decimal, decimal> normalize)
    {
        // Net amounts: a category whose refunds outweigh its spending in the range shows a negative amount and share.
        var nonZero = amounts.Where(a => a.Amount != 0).ToList();
        var total = nonZero.Sum(a => a.Amount);
        return nonZero
            .GroupBy(a => TopOf(a.CategoryId))
            .Where(group => group.Sum(a => a.Amount) != 0)
            .Select(group =>
            {
                var amount = group.Sum(a => a.Amount);
                var top = group.Key is { } id ? byId[id] : null;
                var subcategories = group.Where(a => a.CategoryId != group.Key && byId.ContainsKey(a.CategoryId))
                    .GroupBy(a => a.CategoryId).Where(s => s.Sum(a => a.Amount) != 0)
                    .Select(s => new CategoryAmount(s.Key, byId[s.Key].Name, normalize(s.Sum(a => a.Amount))))
                    .OrderByDescending(s => s.Amount).ToList();
                var share = total == 0 ? 0 : decimal.Round(amount * 100 / total, 2, MidpointRounding.AwayFromZero);
                return new CategoryShare(top?.Id, top?.Name ?? Uncategorised, top?.Color, normalize(amount), share, subcategories);
            })
            .OrderByDescending(s => s.Amount).ThenBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The top-level ancestor's id; null for uncategorised (0) or a category that no longer exists.</summary>
    private long? TopOf(long categoryId)
    {
        if (!byId.TryGetValue(categoryId, out var node)) return null;
        for (var depth = 0; node.ParentId is { } parentId && byId.TryGetValue(parentId, out var parent) && depth < 32; depth++)
        {
            node = parent;
        }
        return node.Id;
    }
}
