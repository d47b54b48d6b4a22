using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// Count and per-currency sums of a filtered list. Whole months come from monthly_totals; only the
/// partial months at the edges of a date range (and filters monthly_totals can't answer: text, tag,
/// amount) read transactions themselves. Transfers count here (they are money on the accounts listed); with a category
/// filter that split parts match, the sums are of the matching parts.
/// </summary>
internal static class TransactionTotals
{
    internal readonly record struct CurrencySum(string Currency, long Count, decimal Amount);

    public static async Task<List<CurrencySum>> ComputeAsync(
        MySqlConnection connection, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var months = WholeMonths.Of(filter.From, filter.To);
        if (!filter.MatchesMonthlyTotals || !months.Any)
        {
            return [.. await ScanAsync(connection, userId, filter, cancellationToken)];
        }

        var parts = new List<CurrencySum>(await MonthsAsync(connection, userId, filter, months.First, months.Last, cancellationToken));
        foreach (var (from, to) in months.Edges(filter.From, filter.To))
        {
            parts.AddRange(await ScanAsync(connection, userId, filter with { From = from, To = to }, cancellationToken));
        }
        return parts
            .GroupBy(p => p.Currency)
            .Select(g => new CurrencySum(g.Key, g.Sum(p => p.Count), g.Sum(p => p.Amount)))
            .Where(s => s.Count > 0)
            .OrderBy(s => s.Currency, StringComparer.Ordinal)
            .ToList();
    }

    private static async Task<IEnumerable<CurrencySum>> ScanAsync(
        MySqlConnection connection, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        if (filter.CategoryInParts)
        {
            // The category's plain rows, then its split parts (a transaction with several parts in it counted once), each
            // summed on its own index. The two never share a transaction: a split transaction's own category is null.
            var partsSql = $"""
                SELECT t.currency, COUNT(*) AS count, SUM(t.amount) AS amount {filter.FromWhere(parameters, userId, includeCursor: false, categoryOnRowOnly: true)}
                GROUP BY t.currency;
                SELECT t.currency, COUNT(DISTINCT t.id) AS count, SUM(s.amount) AS amount {filter.PartsFromWhere(parameters, userId)}
                GROUP BY t.currency
                """;
            await using var both = await connection.QueryMultipleAsync(new CommandDefinition(partsSql, parameters, cancellationToken: cancellationToken));
            var sums = (await both.ReadAsync<CurrencySum>()).Concat(await both.ReadAsync<CurrencySum>());
            return sums.GroupBy(p => p.Currency).Select(g => new CurrencySum(g.Key, g.Sum(p => p.Count), g.Sum(p => p.Amount))).OrderBy(s => s.Currency, StringComparer.Ordinal).ToList();
        }
        var sql = $"SELECT t.currency, COUNT(*) AS count, SUM(t.amount) AS amount {filter.FromWhere(parameters, userId, includeCursor: false, anyOrder: true)} " +
                  "GROUP BY t.currency ORDER BY t.currency";
        return await connection.QueryAsync<CurrencySum>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    private static async Task<IEnumerable<CurrencySum>> MonthsAsync(MySqlConnection connection, long userId,
        TransactionFilter filter, DateOnly? firstMonth, DateOnly? lastMonth, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT currency, CAST(SUM(transaction_count) AS SIGNED) AS count, SUM(income + spending) AS amount
            FROM monthly_totals
            WHERE user_id = @userId
              AND (@accountId IS NULL OR account_id = @accountId)
              AND (@anyCategory OR category_id IN @categoryIds)
              AND (@firstMonth IS NULL OR month >= @firstMonth)
              AND (@lastMonth IS NULL OR month <= @lastMonth)
            GROUP BY currency
            """;
        return await connection.QueryAsync<CurrencySum>(new CommandDefinition(sql, new
        {
            userId,
            filter.AccountId,
            anyCategory = filter.CategoryId is null,
            // Never an empty list (Dapper would write "IN ()"); unused when there is no category.
            categoryIds = filter.CategoryId is null ? [0L] : filter.CategoryIds,
            firstMonth = firstMonth?.ToDateTime(TimeOnly.MinValue),
            lastMonth = lastMonth?.ToDateTime(TimeOnly.MinValue),
        }, cancellationToken: cancellationToken));
    }
}
