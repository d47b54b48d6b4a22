using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Refunds are not income: money in on an expense category lowers that category's spending in every report.</summary>
public sealed class RefundTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string March = "from=2026-03-01&to=2026-03-31";

    [Fact]
    public async Task ARefundOnAnExpenseCategoryLowersItsSpendingAndLeavesIncomeUnchangedInEveryReport()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        var groceries = categories.First(c => c.Name == "Groceries");
        var salary = categories.First(c => c.Kind == "income");
        await client.CreateTransactionAsync(account.Id, 1000m, "2026-03-01", "Employer", categoryId: salary.Id);
        await client.CreateTransactionAsync(account.Id, -100m, "2026-03-10", "Shop", categoryId: groceries.Id);
        await client.CreateTransactionAsync(account.Id, -50m, "2026-03-10", "Market", categoryId: groceries.Id);
        var before = await ReportsAsync(client);

        await client.CreateTransactionAsync(account.Id, 30m, "2026-03-12", "Shop", categoryId: groceries.Id);
        var after = await ReportsAsync(client);

        Assert.Equal((1000m, 150m), (before.Summary.Income, before.Summary.Spending));
        Assert.Equal((1000m, 120m, 880m), (after.Summary.Income, after.Summary.Spending, after.Summary.Net));
        Assert.Equal(4, after.Summary.TransactionCount);
        Assert.Equal(new MonthAmounts("2026-03", 1000m, 120m, 880m), after.Month);
        Assert.Equal(120m, after.Categories.Spending.Single(s => s.CategoryId == groceries.Id).Amount);
        Assert.Equal((120m, 1000m), (after.Categories.TotalSpending, after.Categories.TotalIncome));
        Assert.Equal([salary.Id], after.Categories.Income.Select(s => s.CategoryId));
        Assert.Equal([new PayeeSpending("Shop", 70m, 2), new PayeeSpending("Market", 50m, 1)], after.Payees);
        Assert.Equal(-30m, after.Days.Single(d => d.Date == "2026-03-12").Spending);
        Assert.Equal(150m, after.Days.Single(d => d.Date == "2026-03-10").Spending);
    }

    [Fact]
    public async Task UncategorisedMoneyInIsIncomeShownAsSuchAndMoneyOutOnAnIncomeCategoryLowersThatIncome()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var salary = (await client.CategoriesAsync()).First(c => c.Kind == "income");
        await client.CreateTransactionAsync(account.Id, 1000m, "2026-03-01", "Employer", categoryId: salary.Id);
        await client.CreateTransactionAsync(account.Id, -200m, "2026-03-02", "Employer", categoryId: salary.Id);
        await client.CreateTransactionAsync(account.Id, 25m, "2026-03-03", "Friend");
        await client.CreateTransactionAsync(account.Id, -5m, "2026-03-04", "Kiosk");

        var reports = await ReportsAsync(client);

        Assert.Equal((825m, 5m), (reports.Summary.Income, reports.Summary.Spending));
        Assert.Equal([(salary.Id, salary.Name, 800m), (null, "Uncategorised", 25m)],
            reports.Categories.Income.Select(s => (s.CategoryId, s.Name, s.Amount)));
        Assert.Equal([(null, "Uncategorised", 5m)], reports.Categories.Spending.Select(s => (s.CategoryId, s.Name, s.Amount)));
        Assert.Equal([new PayeeSpending("Kiosk", 5m, 1)], reports.Payees);
        await IndependentSums.AssertReportsMatchRowsAsync(client, "2026-03-01", "2026-03-31");
    }

    private sealed record Reports(CurrencySummary Summary, MonthAmounts Month, CurrencyCategories Categories, List<PayeeSpending> Payees, List<DaySpending> Days);

    private static async Task<Reports> ReportsAsync(HttpClient client) => new(
        (await client.GetFromJsonAsync<SummaryReport>($"/api/analytics/summary?{March}"))!.Currencies.Single(),
        (await client.GetFromJsonAsync<MonthlyReport>($"/api/analytics/monthly?{March}"))!.Currencies.Single().Months.Single(),
        (await client.GetFromJsonAsync<CategoryReport>($"/api/analytics/by-category?{March}"))!.Currencies.Single(),
        (await client.GetFromJsonAsync<TopPayeesReport>($"/api/analytics/top-payees?{March}"))!.Currencies.Single().Payees,
        (await client.GetFromJsonAsync<DailyReport>("/api/analytics/daily?month=2026-03"))!.Currencies.Single().Days);
}
