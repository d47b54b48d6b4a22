using System.Globalization;
using System.Net.Http.Json;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Every figure the Api reports about a person's ledger (account balances, list totals, each analytics report),
/// compared with sums computed here from the rows the list endpoint returns: nothing may drift from the ledger.
/// </summary>
public static class IndependentSums
{
    /// <summary>Asserts every figure for [from, to] (and the daily report of <paramref name="from"/>'s month); returns the rows it summed.</summary>
    public static async Task<List<Transaction>> AssertReportsMatchRowsAsync(HttpClient client, string from, string to)
    {
        var all = await client.ListAllTransactionsAsync("pageSize=500");
        var rows = all.Where(r => string.CompareOrdinal(r.Date, from) >= 0 && string.CompareOrdinal(r.Date, to) <= 0).ToList();
        var range = $"from={from}&to={to}";

        foreach (var account in (await client.GetFromJsonAsync<List<Account>>("/api/accounts"))!)
        {
            Assert.True(account.OpeningBalance + all.Where(r => r.AccountId == account.Id).Sum(r => r.Amount) == account.Balance,
                $"Account {account.Id} reports a balance of {account.Balance}, its rows sum to {all.Where(r => r.AccountId == account.Id).Sum(r => r.Amount)}.");
        }

        var page = await client.ListTransactionsAsync($"{range}&pageSize=1");
        Assert.Equal(rows.Count, page.TotalCount);
        AssertSameAmounts("list totals", PerCurrency(rows, r => r.Amount), page.Totals.ToDictionary(t => t.Currency, t => t.Amount));

        var summary = (await client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?{range}"))!;
        var expectedSummary = rows.GroupBy(r => r.Currency).ToDictionary(g => g.Key,
            g => (Income(g), Spending(g), Income(g) - Spending(g), (long)g.Count()));
        Assert.Equal(Sorted(expectedSummary), Sorted(summary.Currencies.Where(c => c.TransactionCount != 0)
            .ToDictionary(c => c.Currency, c => (c.Income, c.Spending, c.Net, c.TransactionCount))));

        var monthly = (await client.GetFromJsonAsync<MonthlyReport>($"/api/analytics/monthly?{range}"))!;
        AssertSameAmounts("monthly",
            rows.GroupBy(r => (r.Currency, r.Date[..7])).ToDictionary(g => $"{g.Key.Currency} {g.Key.Item2}", g => (Income(g), Spending(g))),
            monthly.Currencies.SelectMany(c => c.Months.Select(m => (Key: $"{c.Currency} {m.Month}", Value: (m.Income, m.Spending))))
                .Where(x => x.Value != (0m, 0m)).ToDictionary(x => x.Key, x => x.Value));

        var categories = (await client.CategoriesAsync()).ToDictionary(c => c.Id);
        long? TopOf(long? id)
        {
            if (id is not { } start || !categories.TryGetValue(start, out var node)) return null;
            while (node.ParentId is { } parent && categories.TryGetValue(parent, out var up)) node = up;
            return node.Id;
        }
        var byCategory = (await client.GetFromJsonAsync<CategoryReport>($"/api/analytics/by-category?{range}"))!;
        AssertSameAmounts("by-category spending",
            rows.Where(r => r.Amount < 0).GroupBy(r => $"{r.Currency} {TopOf(r.CategoryId)}").ToDictionary(g => g.Key, g => -g.Sum(r => r.Amount)),
            byCategory.Currencies.SelectMany(c => c.Spending.Select(s => (Key: $"{c.Currency} {s.CategoryId}", s.Amount))).ToDictionary(x => x.Key, x => x.Amount));
        AssertSameAmounts("by-category income",
            rows.Where(r => r.Amount > 0).GroupBy(r => $"{r.Currency} {TopOf(r.CategoryId)}").ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)),
            byCategory.Currencies.SelectMany(c => c.Income.Select(s => (Key: $"{c.Currency} {s.CategoryId}", s.Amount))).ToDictionary(x => x.Key, x => x.Amount));

        var payees = (await client.GetFromJsonAsync<TopPayeesReport>($"/api/analytics/top-payees?{range}"))!;
        foreach (var currency in rows.Select(r => r.Currency).Distinct())
        {
            var expected = rows.Where(r => r.Currency == currency && r.Amount < 0).GroupBy(r => r.Payee)
                .Select(g => new PayeeSpending(g.Key, -g.Sum(r => r.Amount), g.Count()))
                .OrderByDescending(p => p.Spending).ThenBy(p => p.Payee, StringComparer.Ordinal).Take(10).ToList();
            Assert.Equal(expected, payees.Currencies.SingleOrDefault(c => c.Currency == currency)?.Payees ?? []);
        }

        var month = from[..7];
        var daily = (await client.GetFromJsonAsync<DailyReport>($"/api/analytics/daily?month={month}"))!;
        AssertSameAmounts("daily",
            all.Where(r => r.Amount < 0 && r.Date.StartsWith(month, StringComparison.Ordinal))
                .GroupBy(r => $"{r.Currency} {r.Date}").ToDictionary(g => g.Key, g => -g.Sum(r => r.Amount)),
            daily.Currencies.SelectMany(c => c.Days.Where(d => d.Spending != 0).Select(d => (Key: $"{c.Currency} {d.Date}", d.Spending)))
                .ToDictionary(x => x.Key, x => x.Spending));
        return rows;
    }

    private static decimal Income(IEnumerable<Transaction> rows) => rows.Where(r => r.Amount > 0).Sum(r => r.Amount);

    private static decimal Spending(IEnumerable<Transaction> rows) => -rows.Where(r => r.Amount < 0).Sum(r => r.Amount);

    private static Dictionary<string, decimal> PerCurrency(IEnumerable<Transaction> rows, Func<Transaction, decimal> amount) =>
        rows.GroupBy(r => r.Currency).ToDictionary(g => g.Key, g => g.Sum(amount));

    private static List<KeyValuePair<string, T>> Sorted<T>(Dictionary<string, T> values) =>
        [.. values.OrderBy(v => v.Key, StringComparer.Ordinal)];

    /// <summary>Compares two keyed sets of figures; a zero counts as nothing (a month row emptied by deletes may linger).</summary>
    private static void AssertSameAmounts<T>(string report, Dictionary<string, T> expectedFigures, Dictionary<string, T> actualFigures)
    {
        var expected = expectedFigures.Where(x => !EqualityComparer<T>.Default.Equals(x.Value, default)).ToDictionary();
        var actual = actualFigures.Where(x => !EqualityComparer<T>.Default.Equals(x.Value, default)).ToDictionary();
        var differences = expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(key => !expected.TryGetValue(key, out var e) || !actual.TryGetValue(key, out var a) || !EqualityComparer<T>.Default.Equals(e, a))
            .Select(key => string.Create(CultureInfo.InvariantCulture,
                $"{key}: expected {(expected.TryGetValue(key, out var e) ? e : "nothing")}, reported {(actual.TryGetValue(key, out var a) ? a : "nothing")}"))
            .ToList();
        Assert.True(differences.Count == 0, $"{report} drifted from the rows:\n{string.Join('\n', differences)}");
    }
}
