using System.Globalization;
using System.Net.Http.Json;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Every figure the Api reports about a person's ledger (account balances, list totals, each analytics report),
/// compared with sums computed here from the rows the list endpoint returns (by <see cref="LedgerRule"/>): nothing may drift from the ledger.
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

        var rule = await LedgerRule.ForAsync(client);
        var pieces = LedgerRule.Pieces(rows).ToList();
        var summary = (await client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?{range}"))!;
        var expectedSummary = pieces.GroupBy(p => p.Currency).ToDictionary(g => g.Key,
            g => (rule.Income(g), rule.Spending(g), rule.Income(g) - rule.Spending(g), (long)g.Select(p => p.TransactionId).Distinct().Count()));
        Assert.Equal(Sorted(expectedSummary), Sorted(summary.Currencies.Where(c => c.TransactionCount != 0)
            .ToDictionary(c => c.Currency, c => (c.Income, c.Spending, c.Net, c.TransactionCount))));

        var monthly = (await client.GetFromJsonAsync<MonthlyReport>($"/api/analytics/monthly?{range}"))!;
        AssertSameAmounts("monthly",
            pieces.GroupBy(p => (p.Currency, p.Date[..7])).ToDictionary(g => $"{g.Key.Currency} {g.Key.Item2}", g => (rule.Income(g), rule.Spending(g))),
            monthly.Currencies.SelectMany(c => c.Months.Select(m => (Key: $"{c.Currency} {m.Month}", Value: (m.Income, m.Spending))))
                .Where(x => x.Value != (0m, 0m)).ToDictionary(x => x.Key, x => x.Value));

        var byCategory = (await client.GetFromJsonAsync<CategoryReport>($"/api/analytics/by-category?{range}"))!;
        AssertSameAmounts("by-category spending",
            pieces.GroupBy(p => $"{p.Currency} {rule.TopOf(p.CategoryId)}").ToDictionary(g => g.Key, g => rule.Spending(g)),
            byCategory.Currencies.SelectMany(c => c.Spending.Select(s => (Key: $"{c.Currency} {s.CategoryId}", s.Amount))).ToDictionary(x => x.Key, x => x.Amount));
        AssertSameAmounts("by-category income",
            pieces.GroupBy(p => $"{p.Currency} {rule.TopOf(p.CategoryId)}").ToDictionary(g => g.Key, g => rule.Income(g)),
            byCategory.Currencies.SelectMany(c => c.Income.Select(s => (Key: $"{c.Currency} {s.CategoryId}", s.Amount))).ToDictionary(x => x.Key, x => x.Amount));

        var payees = (await client.GetFromJsonAsync<TopPayeesReport>($"/api/analytics/top-payees?{range}"))!;
        foreach (var currency in rows.Select(r => r.Currency).Distinct())
        {
            var expected = pieces.Where(p => p.Currency == currency && rule.Spending(p) != 0).GroupBy(p => p.Payee)
                .Select(g => new PayeeSpending(g.Key, rule.Spending(g), g.Select(p => p.TransactionId).Distinct().Count()))
                .Where(p => p.Spending > 0)
                .OrderByDescending(p => p.Spending).ThenBy(p => p.Payee, StringComparer.Ordinal).Take(10).ToList();
            Assert.Equal(expected, payees.Currencies.SingleOrDefault(c => c.Currency == currency)?.Payees ?? []);
        }

        var month = from[..7];
        var daily = (await client.GetFromJsonAsync<DailyReport>($"/api/analytics/daily?month={month}"))!;
        AssertSameAmounts("daily",
            LedgerRule.Pieces(all).Where(p => p.Date.StartsWith(month, StringComparison.Ordinal))
                .GroupBy(p => $"{p.Currency} {p.Date}").ToDictionary(g => g.Key, g => rule.Spending(g)),
            daily.Currencies.SelectMany(c => c.Days.Where(d => d.Spending != 0).Select(d => (Key: $"{c.Currency} {d.Date}", d.Spending)))
                .ToDictionary(x => x.Key, x => x.Spending));
        return rows;
    }

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
