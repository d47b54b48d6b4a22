using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// A generated ledger (fixed seed) written through the Api, plus what was written, for independent sums: plain rows
/// (refunds on expense categories among them), split transactions with parts in several categories, and transfers
/// between the accounts (one currency and across currencies).
/// </summary>
public sealed class AnalyticsLedger
{
    private AnalyticsLedger(HttpClient client, long euroAccountId, List<Transaction> rows, LedgerRule rule, Dictionary<long, Category> categories)
    {
        (Client, EuroAccountId, Rows, Rule, this.categories) = (client, euroAccountId, rows, rule, categories);
    }

    private readonly Dictionary<long, Category> categories;

    public HttpClient Client { get; }
    public long EuroAccountId { get; }

    /// <summary>What was written, as written (ids from the Api, everything else from here).</summary>
    public List<Transaction> Rows { get; }

    public LedgerRule Rule { get; }

    public IEnumerable<Transaction> InRange() =>
        Rows.Where(r => string.CompareOrdinal(r.Date, "2025-10-15") >= 0 && string.CompareOrdinal(r.Date, "2026-09-20") <= 0);

    public IEnumerable<LedgerRule.Piece> PiecesInRange() => LedgerRule.Pieces(InRange());

    public string TopCategoryName(long? categoryId) => Rule.TopOf(categoryId) is { } top ? categories[top].Name : "Uncategorised";

    public static async Task<AnalyticsLedger> CreateAsync(HttpClient client)
    {
        var euro = await client.CreateAccountAsync("Euro", "EUR");
        var savings = await client.CreateAccountAsync("Savings", "EUR");
        var dollar = await client.CreateAccountAsync("Dollar", "USD");
        var defaults = await client.CategoriesAsync();
        var home = await CreateCategoryAsync(client, "Home", null);
        var rent = await CreateCategoryAsync(client, "Rent", home.Id);
        var repairs = await CreateCategoryAsync(client, "Repairs", rent.Id);
        long?[] categoryIds = [null, home.Id, rent.Id, repairs.Id, .. defaults.Select(c => (long?)c.Id)];
        var all = (await client.CategoriesAsync()).ToDictionary(c => c.Id);

        var random = new Random(20261123);
        var rows = new List<Transaction>();
        var start = new DateOnly(2025, 9, 1);
        for (var i = 0; i < 2000; i++)
        {
            var date = start.AddDays(random.Next(0, 425));
            if (date.Year == 2026 && date.Month == 2) date = date.AddMonths(1); // February stays empty: zeros must show.
            var account = random.Next(4) == 0 ? dollar : euro;
            var amount = random.Next(7) == 0 ? random.Next(100_00, 500_000) / 100m : -random.Next(1, 40_000) / 100m;
            var (day, payee) = ($"{date:yyyy-MM-dd}", $"payee {random.Next(40):00}");
            switch (random.Next(10))
            {
                case 0:
                    rows.AddRange(await TransferAsync(client, random, random.Next(3) == 0 ? (euro, dollar) : (euro, savings), day));
                    break;
                case 1 or 2:
                    var parts = SplitParts(random, amount, categoryIds);
                    var split = await PostAsync(client, new { accountId = account.Id, date = day, amount, payee, splits = parts.Select(p => new { p.CategoryId, p.Amount, notes = "part" }) });
                    rows.Add(Written(split.Id, account, null, day, amount, payee) with { Splits = parts });
                    break;
                default:
                    var categoryId = categoryIds[random.Next(categoryIds.Length)];
                    var plain = await client.CreateTransactionAsync(account.Id, amount, day, payee, categoryId: categoryId);
                    rows.Add(Written(plain.Id, account, categoryId, day, amount, payee));
                    break;
            }
        }
        return new AnalyticsLedger(client, euro.Id, rows, new LedgerRule(all), all);
    }

    /// <summary>2 to 4 parts adding up to the amount, in random categories, one of them sometimes of the other sign (a refund).</summary>
    private static List<Split> SplitParts(Random random, decimal amount, long?[] categoryIds)
    {
        var count = random.Next(2, 5);
        var parts = new List<Split>();
        var left = amount;
        for (var i = 0; i < count - 1; i++)
        {
            var part = decimal.Round(amount * random.Next(5, 40) / 100m, 2);
            if (part == 0 || part == left) part = amount > 0 ? 0.01m : -0.01m;
            if (random.Next(5) == 0) part = -part;
            parts.Add(new Split(categoryIds[random.Next(categoryIds.Length)], part, "part"));
            left -= part;
        }
        if (left == 0) { parts[0] = parts[0] with { Amount = parts[0].Amount + 1m }; left -= 1m; }
        parts.Add(new Split(categoryIds[random.Next(categoryIds.Length)], left, "part"));
        return parts;
    }

    private static async Task<IEnumerable<Transaction>> TransferAsync(HttpClient client, Random random, (Account From, Account To) accounts, string date)
    {
        var amount = random.Next(1_00, 2_000_00) / 100m;
        var toAmount = accounts.From.Currency == accounts.To.Currency ? amount : decimal.Round(amount * 1.0873m, 2);
        var response = await client.PostAsJsonAsync("/api/transfers",
            new { fromAccountId = accounts.From.Id, toAccountId = accounts.To.Id, date, amount, toAmount, payee = "Moving money" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<TransferCreated>())!;
        return
        [
            Written(created.FromTransactionId, accounts.From, null, date, -amount, "Moving money") with { TransferId = created.Id },
            Written(created.ToTransactionId, accounts.To, null, date, toAmount, "Moving money") with { TransferId = created.Id },
        ];
    }

    private static Transaction Written(long id, Account account, long? categoryId, string date, decimal amount, string payee) =>
        new(id, account.Id, categoryId, date, amount, account.Currency, payee, "", [], 1, 0);

    private static async Task<Transaction> PostAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/transactions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Transaction>())!;
    }

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name, long? parentId) =>
        (await (await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense", parentId })).Content.ReadFromJsonAsync<Category>())!;
}
