using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;
using MySqlConnector;

namespace FinanceTracker.Api.Analytics;

/// <summary>The reports' SQL: every aggregation runs in MariaDB on exact decimals; C# only shapes the rows.</summary>
internal sealed class AnalyticsStore(MySqlDataSource dataSource, TimeProvider clock)
{
    private sealed record Totals(string Currency, long Count, decimal Income, decimal Spending);
    private sealed record MonthTotals(string Currency, DateTime Month, decimal Income, decimal Spending);
    private sealed record CategoryTotals(string Currency, long CategoryId, decimal Income, decimal Spending);
    private sealed record PayeeRow(string Currency, string Payee, decimal Spending, long Count);
    private sealed record DayRow(string Currency, DateTime Day, decimal Spending);
    private sealed record TagRow(string Currency, string Tag, long Count, decimal MoneyIn, decimal MoneyOut);

    public async Task<SummaryReport> SummaryAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        var rows = await SliceAsync<Totals>(userId, query, "currency, CAST(SUM(count) AS SIGNED) AS count, SUM(income) AS income, SUM(spending) AS spending", "currency", byMonth: false, ct);
        var firstMonths = (await QueryAsync<(string Currency, DateTime Month)>($"""
            SELECT currency, MIN(month) FROM monthly_totals
            WHERE user_id = @userId AND category_id <> {LedgerCategories.Transfer} AND (@accountId IS NULL OR account_id = @accountId)
            GROUP BY currency
            """, new { userId, query.AccountId }, ct)).ToDictionary(r => r.Currency, r => DateOnly.FromDateTime(r.Month));
        return new SummaryReport(query.Range, rows.Where(r => r.Count > 0).Select(r =>
        {
            var months = AverageMonths(query, firstMonths.GetValueOrDefault(r.Currency));
            return new CurrencySummary(r.Currency, N(r.Income, r.Currency), N(-r.Spending, r.Currency), N(r.Income + r.Spending, r.Currency), r.Count,
                N(decimal.Round(-r.Spending / months, Currencies.DecimalPlaces(r.Currency), MidpointRounding.AwayFromZero), r.Currency), months);
        }).ToList());
    }

    /// <summary>The months from the later of the range's start and the first transaction's month to the earlier of the range's end and this month; at least one.</summary>
    private int AverageMonths(AnalyticsQuery query, DateOnly firstMonth)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        static int Index(DateOnly d) => d.Year * 12 + d.Month;
        var start = Math.Max(Index(query.From), Index(firstMonth));
        var end = Math.Min(Index(query.To), Index(today));
        return Math.Max(1, end - start + 1);
    }

    public async Task<MonthlyReport> MonthlyAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        var rows = await SliceAsync<MonthTotals>(userId, query, "currency, month, SUM(income) AS income, SUM(spending) AS spending", "currency, month", byMonth: true, ct);
        var first = new DateOnly(query.From.Year, query.From.Month, 1);
        var last = new DateOnly(query.To.Year, query.To.Month, 1);
        return new MonthlyReport(query.Range, rows.GroupBy(r => r.Currency).Select(currency =>
        {
            var byMonth = currency.ToDictionary(r => DateOnly.FromDateTime(r.Month));
            var months = new List<MonthAmounts>();
            for (var month = first; month <= last; month = month.AddMonths(1))
            {
                var (income, spending) = byMonth.TryGetValue(month, out var r) ? (r.Income, -r.Spending) : (0m, 0m);
                months.Add(new MonthAmounts($"{month:yyyy-MM}", N(income, currency.Key), N(spending, currency.Key), N(income - spending, currency.Key)));
            }
            return new CurrencyMonths(currency.Key, months);
        }).ToList());
    }

    public async Task<CategoryReport> ByCategoryAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        var rows = await SliceAsync<CategoryTotals>(userId, query, "currency, category_id, SUM(income) AS income, SUM(spending) AS spending", "currency, category_id", byMonth: false, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var categories = (await connection.QueryAsync<CategoryRollup.Node>(new CommandDefinition(
            "SELECT id, name, parent_id, color FROM categories WHERE user_id = @userId", new { userId }, cancellationToken: ct))).ToList();
        var rollup = new CategoryRollup(categories);
        return new CategoryReport(query.Range, rows.GroupBy(r => r.Currency).Select(currency => new CurrencyCategories(
            currency.Key,
            N(-currency.Sum(r => r.Spending), currency.Key),
            N(currency.Sum(r => r.Income), currency.Key),
            rollup.Shares(currency.Select(r => (r.CategoryId, -r.Spending)), amount => N(amount, currency.Key)),
            rollup.Shares(currency.Select(r => (r.CategoryId, r.Income)), amount => N(amount, currency.Key)))).ToList());
    }

    public async Task<TopPayeesReport> TopPayeesAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        // Net spending per payee by the refund rule; a payee whose refunds outweigh its spending is not a top payee.
        var sql = $"""
            SELECT currency, payee, spending, count FROM (
                SELECT spent.currency, spent.payee, -SUM(spent.amount) AS spending, COUNT(DISTINCT spent.id) AS count,
                       ROW_NUMBER() OVER (PARTITION BY spent.currency ORDER BY SUM(spent.amount), spent.payee) AS position
                FROM ({SpendingRowsSql}) spent
                WHERE spent.amount <> 0
                GROUP BY spent.currency, spent.payee
                HAVING SUM(spent.amount) < 0) ranked
            WHERE position <= 10
            ORDER BY currency, position
            """;
        var rows = await QueryAsync<PayeeRow>(sql, new { userId, from = Day(query.From), to = Day(query.To), query.AccountId }, ct);
        return new TopPayeesReport(query.Range, rows.GroupBy(r => r.Currency).Select(c => new CurrencyPayees(
            c.Key, c.Select(r => new PayeeSpending(r.Payee, N(r.Spending, c.Key), r.Count)).ToList())).ToList());
    }

    public async Task<DailyReport> DailyAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        var sql = $"""
            SELECT spent.currency, spent.booking_date AS day, -SUM(spent.amount) AS spending
            FROM ({SpendingRowsSql}) spent
            GROUP BY spent.currency, spent.booking_date
            """;
        var (first, last) = (query.Month, query.Month.AddMonths(1).AddDays(-1));
        var rows = await QueryAsync<DayRow>(sql, new { userId, from = Day(first), to = Day(last), query.AccountId }, ct);
        return new DailyReport($"{first:yyyy-MM}", query.AccountId, rows.GroupBy(r => r.Currency).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var byDay = c.ToDictionary(r => DateOnly.FromDateTime(r.Day), r => r.Spending);
            var days = Enumerable.Range(0, last.Day).Select(i => first.AddDays(i))
                .Select(d => new DaySpending(d, N(byDay.GetValueOrDefault(d), c.Key))).ToList();
            return new CurrencyDays(c.Key, days);
        }).ToList());
    }

    public async Task<TagsReport> TagsAsync(long userId, AnalyticsQuery query, CancellationToken ct)
    {
        const string sql = """
            SELECT t.currency, MIN(g.tag) AS tag, COUNT(*) AS count,
                   SUM(GREATEST(t.amount, 0)) AS money_in, -SUM(LEAST(t.amount, 0)) AS money_out
            FROM transaction_tags g
            JOIN transactions t ON t.id = g.transaction_id AND t.user_id = g.user_id
            WHERE g.user_id = @userId AND t.booking_date BETWEEN @from AND @to AND t.transfer_id IS NULL
              AND (@accountId IS NULL OR t.account_id = @accountId)
            GROUP BY t.currency, g.tag
            """;
        var rows = await QueryAsync<TagRow>(sql, new { userId, from = Day(query.From), to = Day(query.To), query.AccountId }, ct);
        return new TagsReport(query.Range, rows.GroupBy(r => r.Currency).OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CurrencyTags(
            c.Key, c.OrderByDescending(r => r.MoneyOut + r.MoneyIn).ThenBy(r => r.Tag, StringComparer.OrdinalIgnoreCase)
                .Select(r => new TagTotals(r.Tag, r.Count, N(r.MoneyIn, c.Key), N(r.MoneyOut, c.Key), N(r.MoneyIn - r.MoneyOut, c.Key))).ToList())).ToList());
    }

    /// <summary>
    /// Each transaction (each part of a split one) between @from and @to with its spending as a negative amount, by the rule
    /// in <see cref="LedgerCategories"/>; transfers left out. Parts are looked up only for rows without a category of their
    /// own (a split's), and the category by its primary key: joined on (user) instead, MariaDB read all 40 categories per
    /// row, and top payees over a million rows took 29 s instead of 6.
    /// </summary>
    private static readonly string SpendingRowsSql = $"""
        SELECT t.id, t.currency, t.payee, t.booking_date, {LedgerCategories.SpendingOfAmountSql("COALESCE(s.amount, t.amount)", "c")} AS amount
        FROM transactions t FORCE INDEX (ix_transactions_user_date)
        LEFT JOIN transaction_splits s ON t.category_id IS NULL AND s.transaction_id = t.id AND s.user_id = t.user_id
        LEFT JOIN categories c FORCE INDEX (PRIMARY) ON c.id = COALESCE(s.category_id, t.category_id) AND c.user_id = t.user_id
        WHERE t.user_id = @userId AND t.booking_date BETWEEN @from AND @to AND t.transfer_id IS NULL
          AND (@accountId IS NULL OR t.account_id = @accountId)
        """;

    private async Task<List<T>> SliceAsync<T>(long userId, AnalyticsQuery query, string select, string groupBy, bool byMonth, CancellationToken ct)
    {
        var parameters = new DynamicParameters();
        var sql = $"SELECT {select} FROM ({LedgerSlice.Sql(parameters, userId, query, byMonth)}) slice GROUP BY {groupBy} ORDER BY {groupBy}";
        return await QueryAsync<T>(sql, parameters, ct);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: ct))).ToList();
    }

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue);

    private static decimal N(decimal amount, string currency) => Currencies.Normalize(amount, currency);
}
