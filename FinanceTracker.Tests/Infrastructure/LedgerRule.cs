namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// The income/spending rule, computed here independently of the Api: each piece (a transaction, or a part of a split one;
/// transfers are no pieces) counts by its category's kind. Money in on an expense category lowers its spending, money out
/// on an income category lowers its income, uncategorised money in is income and out is spending.
/// </summary>
public sealed class LedgerRule(IReadOnlyDictionary<long, Category> categories)
{
    public sealed record Piece(long TransactionId, long AccountId, string Currency, string Date, string Payee, long? CategoryId, decimal Amount);

    public static async Task<LedgerRule> ForAsync(HttpClient client) =>
        new((await client.CategoriesAsync()).ToDictionary(c => c.Id));

    public static IEnumerable<Piece> Pieces(IEnumerable<Transaction> rows) => rows
        .Where(r => r.TransferId is null)
        .SelectMany(r => r.Splits is { Count: > 0 } parts
            ? parts.Select(p => new Piece(r.Id, r.AccountId, r.Currency, r.Date, r.Payee, p.CategoryId, p.Amount))
            : [new Piece(r.Id, r.AccountId, r.Currency, r.Date, r.Payee, r.CategoryId, r.Amount)]);

    public decimal Income(Piece piece) => Kind(piece.CategoryId) switch
    {
        "income" => piece.Amount,
        "expense" => 0,
        _ => Math.Max(piece.Amount, 0),
    };

    public decimal Spending(Piece piece) => Kind(piece.CategoryId) switch
    {
        "expense" => -piece.Amount,
        "income" => 0,
        _ => -Math.Min(piece.Amount, 0),
    };

    public decimal Income(IEnumerable<Piece> pieces) => pieces.Sum(Income);

    public decimal Spending(IEnumerable<Piece> pieces) => pieces.Sum(Spending);

    /// <summary>The top-level ancestor (null: uncategorised).</summary>
    public long? TopOf(long? id)
    {
        if (id is not { } start || !categories.TryGetValue(start, out var node)) return null;
        while (node.ParentId is { } parent && categories.TryGetValue(parent, out var up)) node = up;
        return node.Id;
    }

    private string? Kind(long? categoryId) =>
        categoryId is { } id && categories.TryGetValue(id, out var category) ? category.Kind.ToLowerInvariant() : null;
}
