using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>A generated ledger (fixed seed) written through the Api, plus what was written, for independent sums.</summary>
public sealed class AnalyticsLedger
{
    public sealed record Row(long AccountId, string Currency, long? CategoryId, string Date, decimal Amount, string Payee);

    private readonly Dictionary<long, (string Name, long? ParentId)> categories;

    private AnalyticsLedger(HttpClient client, long euroAccountId, List<Row> rows, Dictionary<long, (string, long?)> categories)
    {
        (Client, EuroAccountId, Rows, this.categories) = (client, euroAccountId, rows, categories);
    }

    public HttpClient Client { get; }
    public long EuroAccountId { get; }
    public List<Row> Rows { get; }

    public IEnumerable<Row> InRange() =>
        Rows.Where(r => string.CompareOrdinal(r.Date, "2025-10-15") >= 0 && string.CompareOrdinal(r.Date, "2026-09-20") <= 0);

    public string TopCategoryName(long? categoryId)
    {
        if (categoryId is not { } id) return "Uncategorised";
        var node = categories[id];
        while (node.ParentId is { } parent) node = categories[parent];
        return node.Name;
    }

    public static async Task<AnalyticsLedger> CreateAsync(HttpClient client)
    {
        var euro = await client.CreateAccountAsync("Euro", "EUR");
        var dollar = await client.CreateAccountAsync("Dollar", "USD");
        var defaults = await client.CategoriesAsync();
        var home = await CreateCategoryAsync(client, "Home", null);
        var rent = await CreateCategoryAsync(client, "Rent", home.Id);
        var repairs = await CreateCategoryAsync(client, "Repairs", rent.Id);
        long?[] categoryIds = [null, home.Id, rent.Id, repairs.Id, .. defaults.Select(c => (long?)c.Id)];
        var all = (await client.CategoriesAsync()).ToDictionary(c => c.Id, c => (c.Name, c.ParentId));

        var random = new Random(20261123);
        var rows = new List<Row>();
        var start = new DateOnly(2025, 9, 1);
        for (var i = 0; i < 2000; i++)
        {
            var date = start.AddDays(random.Next(0, 425));
            if (date.Year == 2026 && date.Month == 2) date = date.AddMonths(1); // February stays empty: zeros must show.
            var account = random.Next(4) == 0 ? dollar : euro;
            var amount = random.Next(7) == 0 ? random.Next(100_00, 500_000) / 100m : -random.Next(1, 40_000) / 100m;
            var row = new Row(account.Id, account.Currency, categoryIds[random.Next(categoryIds.Length)], $"{date:yyyy-MM-dd}", amount, $"payee {random.Next(40):00}");
            await client.CreateTransactionAsync(row.AccountId, row.Amount, row.Date, row.Payee, categoryId: row.CategoryId);
            rows.Add(row);
        }
        return new AnalyticsLedger(client, euro.Id, rows, all);
    }

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name, long? parentId) =>
        (await (await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense", parentId })).Content.ReadFromJsonAsync<Category>())!;
}
