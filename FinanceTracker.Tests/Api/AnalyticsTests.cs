using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Every report checked against sums computed here, independently, from a generated ledger of a few
/// thousand rows over 14 months, two currencies, nested categories and many payees.
/// </summary>
public sealed class AnalyticsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // The range starts and ends mid-month, so both monthly_totals and the edge rows are exercised.
    private const string Range = "from=2025-10-15&to=2026-09-20";
    private static readonly SemaphoreSlim Gate = new(1);
    private static AnalyticsLedger? ledger;

    [Fact]
    public async Task SummaryMatchesIndependentSumsPerCurrency()
    {
        var l = await LedgerAsync();
        var report = await l.Client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?{Range}");

        var expected = l.PiecesInRange().GroupBy(p => p.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var (income, spending) = (l.Rule.Income(g), l.Rule.Spending(g));
            return new CurrencySummary(g.Key, income, spending, income - spending, g.Select(p => p.TransactionId).Distinct().Count(),
                decimal.Round(spending / 12, 2, MidpointRounding.AwayFromZero), 12);
        });
        Assert.Equal(expected, report!.Currencies);
    }

    [Fact]
    public async Task MonthlyHasEveryMonthWithZerosForEmptyOnes()
    {
        var l = await LedgerAsync();
        var report = await l.Client.GetFromJsonAsync<MonthlyReport>($"/api/analytics/monthly?{Range}&accountId={l.EuroAccountId}");

        var euro = Assert.Single(report!.Currencies);
        Assert.Equal("EUR", euro.Currency);
        Assert.Equal(12, euro.Months.Count);
        foreach (var month in euro.Months)
        {
            var pieces = l.PiecesInRange().Where(p => p.AccountId == l.EuroAccountId && p.Date.StartsWith(month.Month, StringComparison.Ordinal)).ToList();
            var (income, spending) = (l.Rule.Income(pieces), l.Rule.Spending(pieces));
            Assert.Equal(new MonthAmounts(month.Month, income, spending, income - spending), month);
        }
        Assert.Contains(euro.Months, m => m.Month == "2026-02" && m.Income == 0 && m.Spending == 0);
    }

    [Fact]
    public async Task ByCategoryRollsSubcategoriesIntoTheirParentWithShares()
    {
        var l = await LedgerAsync();
        var report = await l.Client.GetFromJsonAsync<CategoryReport>($"/api/analytics/by-category?{Range}");

        foreach (var currency in report!.Currencies)
        {
            var pieces = l.PiecesInRange().Where(p => p.Currency == currency.Currency).ToList();
            var total = l.Rule.Spending(pieces);
            Assert.Equal(total, currency.TotalSpending);
            Assert.Equal(l.Rule.Income(pieces), currency.TotalIncome);
            var expected = pieces.GroupBy(p => l.TopCategoryName(p.CategoryId))
                .Select(g => (Name: g.Key, Amount: l.Rule.Spending(g))).Where(x => x.Amount != 0)
                .OrderByDescending(x => x.Amount).ToList();
            Assert.Equal(expected.Select(e => (e.Name, e.Amount)), currency.Spending.Select(s => (s.Name, s.Amount)));
            Assert.All(currency.Spending, s => Assert.Equal(decimal.Round(s.Amount * 100 / total, 2, MidpointRounding.AwayFromZero), s.SharePercent));
            var home = currency.Spending.Single(s => s.Name == "Home");
            var homeItself = l.Rule.Spending(pieces.Where(p => p.CategoryId == home.CategoryId));
            Assert.Equal(home.Amount, homeItself + home.Subcategories.Sum(s => s.Amount));
            Assert.Equal(["Rent", "Repairs"], home.Subcategories.Select(s => s.Name).Order());
        }
    }

    [Fact]
    public async Task TopPayeesAreTheTenWithMostSpendingPerCurrency()
    {
        var l = await LedgerAsync();
        var report = await l.Client.GetFromJsonAsync<TopPayeesReport>($"/api/analytics/top-payees?{Range}");

        foreach (var currency in report!.Currencies)
        {
            var expected = l.PiecesInRange().Where(p => p.Currency == currency.Currency && l.Rule.Spending(p) != 0)
                .GroupBy(p => p.Payee)
                .Select(g => new PayeeSpending(g.Key, l.Rule.Spending(g), g.Select(p => p.TransactionId).Distinct().Count()))
                .Where(p => p.Spending > 0)
                .OrderByDescending(p => p.Spending).ThenBy(p => p.Payee, StringComparer.Ordinal).Take(10);
            Assert.Equal(expected, currency.Payees);
        }
        Assert.Equal(["EUR", "USD"], report.Currencies.Select(c => c.Currency));
    }

    [Fact]
    public async Task DailyCoversEveryDayOfTheMonth()
    {
        var l = await LedgerAsync();
        var report = await l.Client.GetFromJsonAsync<DailyReport>("/api/analytics/daily?month=2026-03");

        foreach (var currency in report!.Currencies)
        {
            Assert.Equal(31, currency.Days.Count);
            foreach (var day in currency.Days)
            {
                var expected = l.Rule.Spending(LedgerRule.Pieces(l.Rows).Where(p => p.Currency == currency.Currency && p.Date == day.Date));
                Assert.Equal(expected, day.Spending);
            }
        }
    }

    [Fact]
    public async Task TransfersMoveBalancesAndListTotalsButNoReport()
    {
        var l = await LedgerAsync();
        var transfers = l.Rows.Where(r => r.TransferId is not null).ToList();
        Assert.NotEmpty(transfers);
        Assert.Contains(transfers, t => t.Currency == "USD");

        foreach (var account in (await l.Client.GetFromJsonAsync<List<Account>>("/api/accounts"))!)
        {
            Assert.Equal(l.Rows.Where(r => r.AccountId == account.Id).Sum(r => r.Amount), account.Balance);
        }
        var page = await l.Client.ListTransactionsAsync($"{Range}&pageSize=1");
        Assert.Equal(l.InRange().GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CurrencyTotal(g.Key, g.Sum(r => r.Amount))), page.Totals);
        Assert.Equal(l.InRange().Count(), page.TotalCount);
        // The whole ledger against every report, computed from the list (transfers and splits as the Api shows them).
        await IndependentSums.AssertReportsMatchRowsAsync(l.Client, "2025-10-15", "2026-09-20");
    }

    [Fact]
    public async Task AnotherUsersAccountIs404AndBadRangesAre400()
    {
        var l = await LedgerAsync();
        var stranger = await api.NewUserClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/analytics/summary?accountId={l.EuroAccountId}")).StatusCode);
        await (await stranger.GetAsync("/api/analytics/summary?from=2026-05-01&to=2026-04-01")).AssertProblemAsync(HttpStatusCode.BadRequest, "to");
        await (await stranger.GetAsync("/api/analytics/daily?month=2026-13")).AssertProblemAsync(HttpStatusCode.BadRequest, "month");
        var empty = await stranger.GetFromJsonAsync<SummaryReport>("/api/analytics/summary");
        Assert.Empty(empty!.Currencies);
    }

    private async Task<AnalyticsLedger> LedgerAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return ledger ??= await AnalyticsLedger.CreateAsync(await api.NewUserClientAsync());
        }
        finally
        {
            Gate.Release();
        }
    }
}
