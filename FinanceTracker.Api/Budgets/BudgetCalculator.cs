using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Budgets;

/// <summary>
/// Turns stored budget lines and the ledger's monthly totals into a month's budget: each line's spending over its
/// category and subcategories, the remainder carried in from the month before, and the spending no line covers. Pure, so
/// it is tested without a server.
/// </summary>
internal sealed class BudgetCalculator(IReadOnlyList<BudgetCategory> categories, string currency)
{
    public const string Uncategorised = "Uncategorised";

    private readonly Dictionary<long, BudgetCategory> byId = categories.ToDictionary(c => c.Id);

    /// <param name="month">The first day of the month asked for.</param>
    /// <param name="lines">The lines stored for this currency from <see cref="ChainStart"/> up to the month.</param>
    /// <param name="totals">The ledger's totals per month and category over the same months.</param>
    public BudgetResponse Calculate(DateOnly month, IReadOnlyList<StoredBudgetLine> lines, IReadOnlyList<CategoryMonthTotals> totals)
    {
        var linesByMonth = lines.ToLookup(l => DateOnly.FromDateTime(l.Month));
        var totalsByMonth = totals.ToLookup(t => DateOnly.FromDateTime(t.Month));
        var carried = new Dictionary<long, decimal>();
        for (var m = ChainStart(month, lines); ; m = m.AddMonths(1))
        {
            var monthLines = Lines(linesByMonth[m], totalsByMonth[m], carried);
            if (m >= month)
            {
                return Response(month, monthLines, totalsByMonth[m]);
            }
            carried = monthLines.Where(l => l.Rollover && l.Remaining > 0).ToDictionary(l => l.CategoryId, l => l.Remaining);
        }
    }

    /// <summary>
    /// The first month whose lines can still reach <paramref name="month"/> through rollovers: walking back while the
    /// month before has a line that rolls over.
    /// </summary>
    public static DateOnly ChainStart(DateOnly month, IEnumerable<StoredBudgetLine> lines)
    {
        var rolling = lines.Where(l => l.Rollover).Select(l => DateOnly.FromDateTime(l.Month)).ToHashSet();
        var start = month;
        while (rolling.Contains(start.AddMonths(-1)))
        {
            start = start.AddMonths(-1);
        }
        return start;
    }

    private List<BudgetLine> Lines(IEnumerable<StoredBudgetLine> stored, IEnumerable<CategoryMonthTotals> totals, Dictionary<long, decimal> carried)
    {
        var net = totals.GroupBy(t => t.CategoryId).ToDictionary(g => g.Key, g => g.Sum(t => t.Income + t.Spending));
        var set = stored.ToDictionary(l => l.CategoryId);
        var ids = set.Keys.Union(carried.Keys).Where(byId.ContainsKey);
        return ids.Select(id =>
            {
                var (amount, rollover) = set.TryGetValue(id, out var line) ? (line.Amount, line.Rollover) : (0m, false);
                var rolledOver = carried.GetValueOrDefault(id);
                var budgeted = amount + rolledOver;
                var spent = -net.Where(n => IsWithin(n.Key, id)).Sum(n => n.Value);
                var remaining = budgeted - spent;
                decimal? percent = budgeted == 0 ? null : decimal.Round(spent * 100 / budgeted, 1, MidpointRounding.AwayFromZero);
                var category = byId[id];
                return new BudgetLine(id, category.Name, category.ParentId, N(amount), N(rolledOver), rollover,
                    N(budgeted), N(spent), N(remaining), percent, spent > budgeted);
            })
            .OrderBy(l => Path(l.CategoryId), StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    private BudgetResponse Response(DateOnly month, List<BudgetLine> lines, IEnumerable<CategoryMonthTotals> totals)
    {
        var budgeted = lines.Sum(l => l.Budgeted);
        var spent = lines.Sum(l => l.Spent);
        var covered = lines.Select(l => l.CategoryId).ToHashSet();
        var unbudgeted = totals
            .Where(t => t.CategoryId != LedgerCategories.Transfer && !SelfOrAncestors(t.CategoryId).Any(covered.Contains))
            .Select(t => (Top: TopOf(t.CategoryId), Spent: SpendingOf(t)))
            .GroupBy(t => t.Top)
            .Select(g => (g.Key, Spent: g.Sum(t => t.Spent)))
            .Where(g => g.Spent != 0)
            .Select(g => new UnbudgetedSpending(g.Key, g.Key is { } id ? byId[id].Name : Uncategorised, N(g.Spent)))
            .OrderByDescending(u => u.Spent)
            .ToList();
        return new BudgetResponse($"{month:yyyy-MM}", currency, lines, new BudgetTotals(N(budgeted), N(spent), N(budgeted - spent)), unbudgeted);
    }

    /// <summary>Spending by the refund rule (README, "Income and spending"): an income category's money is not spending.</summary>
    private decimal SpendingOf(CategoryMonthTotals totals) =>
        byId.TryGetValue(totals.CategoryId, out var category)
            ? category.IsExpense ? -(totals.Income + totals.Spending) : 0
            : -totals.Spending;

    private bool IsWithin(long categoryId, long ancestorId) => SelfOrAncestors(categoryId).Contains(ancestorId);

    private IEnumerable<long> SelfOrAncestors(long categoryId)
    {
        for (var depth = 0; depth < 32 && byId.TryGetValue(categoryId, out var category); depth++)
        {
            yield return category.Id;
            if (category.ParentId is not { } parentId) yield break;
            categoryId = parentId;
        }
    }

    /// <summary>The top-level ancestor; null for no category (0) or one that no longer exists.</summary>
    private long? TopOf(long categoryId) => SelfOrAncestors(categoryId).Select(id => (long?)id).LastOrDefault();

    /// <summary>"Food / Groceries": sorts subcategories right under their parent.</summary>
    private string Path(long categoryId) =>
        string.Join(" / ", SelfOrAncestors(categoryId).Reverse().Select(id => byId[id].Name)) + $" #{categoryId}";

    private decimal N(decimal amount) => Currencies.Normalize(amount, currency);
}
