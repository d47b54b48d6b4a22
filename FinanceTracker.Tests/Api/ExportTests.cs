using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class ExportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Header = "Date,Account,Payee,Category,Amount,Currency,Notes,Tags";

    [Fact]
    public async Task CsvExportIsUtf8WithBomAnAttachmentAndOneRowPerTransactionOldestFirst()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Girokonto Müller");
        var groceries = (await client.CategoriesAsync()).Single(c => c.Name == "Groceries");
        await client.CreateTransactionAsync(account.Id, -12.5m, "2026-03-02", "Bäckerei", categoryId: groceries.Id, tags: ["weekly", "food"]);
        await client.CreateTransactionAsync(account.Id, 1000m, "2026-03-01", "Employer", "March salary");

        var response = await client.GetAsync("/api/exports/transactions?format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^financetracker-transactions-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(
            $"{Header}\r\n" +
            "2026-03-01,Girokonto Müller,Employer,,1000.00,EUR,March salary,\r\n" +
            "2026-03-02,Girokonto Müller,Bäckerei,Groceries,-12.50,EUR,,food; weekly\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task CsvQuotesCommasQuotesAndLineBreaksAndWritesTheCurrencysDecimals()
    {
        var client = await api.NewUserClientAsync();
        var yen = await client.CreateAccountAsync("Yen, cash", "JPY");
        await client.CreateTransactionAsync(yen.Id, -3000m, "2026-04-01", "Smith, \"Bob\"", "line one\nline two\r\nthree");

        var rows = Csv.Parse(await ExportTextAsync(client, ""));

        Assert.Equal(["2026-04-01", "Yen, cash", "Smith, \"Bob\"", "", "-3000", "JPY", "line one\nline two\r\nthree", ""], rows[1]);
        var raw = await ExportTextAsync(client, "");
        Assert.Contains("2026-04-01,\"Yen, cash\",\"Smith, \"\"Bob\"\"\",,-3000,JPY,\"line one\nline two\r\nthree\",\r\n", raw);
    }

    [Fact]
    public async Task CellsThatASpreadsheetWouldRunAsFormulasGetAnApostropheButNegativeAmountsStayNumbers()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("@account");
        await client.CreateTransactionAsync(account.Id, -12.5m, "2026-05-01", "=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", tags: ["-2+3"]);
        await client.CreateTransactionAsync(account.Id, -0.01m, "2026-05-02", "-cmd|' /C calc'!A0", "@SUM(A1)");

        var rows = Csv.Parse(await ExportTextAsync(client, ""));

        Assert.Equal(["2026-05-01", "'@account", "'=HYPERLINK(\"http://evil.example\",\"x\")", "", "-12.50", "EUR", "'+1+1", "'-2+3"], rows[1]);
        Assert.Equal(["2026-05-02", "'@account", "'-cmd|' /C calc'!A0", "", "-0.01", "EUR", "'@SUM(A1)", ""], rows[2]);
    }

    [Fact]
    public async Task TheListsFiltersChooseTheRows()
    {
        var client = await api.NewUserClientAsync();
        var main = await client.CreateAccountAsync("Main");
        var other = await client.CreateAccountAsync("Other");
        await client.CreateTransactionAsync(main.Id, -1m, "2026-01-31", "main-jan");
        await client.CreateTransactionAsync(main.Id, -2m, "2026-02-01", "main-feb", tags: ["trip"]);
        await client.CreateTransactionAsync(main.Id, -3m, "2026-03-01", "main-mar");
        await client.CreateTransactionAsync(other.Id, -4m, "2026-02-15", "other-feb");

        Assert.Equal(["main-feb", "other-feb"], Payees(await ExportTextAsync(client, "from=2026-02-01&to=2026-02-28")));
        Assert.Equal(["main-jan", "main-feb", "main-mar"], Payees(await ExportTextAsync(client, $"accountId={main.Id}")));
        Assert.Equal(["main-feb", "main-mar"], Payees(await ExportTextAsync(client, $"accountId={main.Id}&from=2026-02-01")));
        Assert.Equal(["main-feb"], Payees(await ExportTextAsync(client, "tag=trip")));
        Assert.Equal(["other-feb"], Payees(await ExportTextAsync(client, "q=other&format=json", json: true)));
    }

    [Theory]
    [InlineData("format=xml", "format")]
    [InlineData("format=CSV", "format")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("accountId=abc", "accountId")]
    [InlineData("from=2026-03-01&to=2026-02-01", "to")]
    public async Task ABadFormatOrFilterIs400NamingIt(string query, string field)
    {
        var client = await api.NewUserClientAsync();

        await (await client.GetAsync($"/api/exports/transactions?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AnotherUsersRowsNeverAppearEvenWhenTheirAccountIsNamed()
    {
        var owner = await api.NewUserClientAsync();
        var ownersAccount = await owner.CreateAccountAsync("Owner's");
        await owner.CreateTransactionAsync(ownersAccount.Id, -9m, payee: "owner-secret");
        var stranger = await api.NewUserClientAsync();
        var strangersAccount = await stranger.CreateAccountAsync("Stranger's");
        await stranger.CreateTransactionAsync(strangersAccount.Id, -1m, payee: "stranger-own");

        Assert.Equal(["stranger-own"], Payees(await ExportTextAsync(stranger, "")));
        Assert.Empty(Payees(await ExportTextAsync(stranger, $"accountId={ownersAccount.Id}")));
        var json = await ExportTextAsync(stranger, "format=json");
        Assert.DoesNotContain("owner-secret", json);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.AnonymousClient().GetAsync("/api/exports/transactions")).StatusCode);
    }

    [Fact]
    public async Task JsonExportIsAnArrayOfTransactionsWithNamesIdsAndTags()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync("Wallet", "KWD");
        var dining = (await client.CategoriesAsync()).Single(c => c.Name == "Dining");
        await client.CreateTransactionAsync(account.Id, -1.25m, "2026-06-02", "Café", "with \"friends\"", dining.Id, ["b", "a"]);
        await client.CreateTransactionAsync(account.Id, 5m, "2026-06-01", "Refund");

        var response = await client.GetAsync("/api/exports/transactions?format=json");

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^financetracker-transactions-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = (await response.Content.ReadFromJsonAsync<List<ExportedTransaction>>())!;
        Assert.Equal(
            [
                new ExportedTransaction("2026-06-01", "Wallet", account.Id, "Refund", null, null, 5.000m, "KWD", "", []),
                new ExportedTransaction("2026-06-02", "Wallet", account.Id, "Café", "Dining", dining.Id, -1.250m, "KWD", "with \"friends\"", ["a", "b"]),
            ],
            rows, ExportedTransaction.Comparer);
        // The currency's three decimals, written as the number it is.
        Assert.Contains("\"amount\":-1.250,", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALedgerLongerThanOneChunkStreamsEveryRowOnceInDateAndIdOrder()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        var account = await client.CreateAccountAsync("Big");
        const int rows = 12_001;
        await BigLedger.InsertAsync(api, email, account.Id, rows);

        var csv = Csv.Parse(await ExportTextAsync(client, ""));
        var json = JsonDocument.Parse(await ExportTextAsync(client, "format=json", json: true)).RootElement;

        Assert.Equal(rows + 1, csv.Count);
        Assert.Equal(rows, json.GetArrayLength());
        var keys = csv.Skip(1).Select(r => (Date: r[0], Seq: int.Parse(r[2][1..], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(Enumerable.Range(1, rows).ToHashSet(), keys.Select(k => k.Seq).ToHashSet());
        Assert.Equal(keys.OrderBy(k => k.Date, StringComparer.Ordinal).ThenBy(k => k.Seq), keys);
    }

    private static async Task<string> ExportTextAsync(HttpClient client, string query, bool json = false)
    {
        var response = await client.GetAsync($"/api/exports/transactions?{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return Encoding.UTF8.GetString(json ? bytes : bytes[3..]);
    }

    private static List<string> Payees(string export) =>
        export.TrimStart().StartsWith('[')
            ? JsonDocument.Parse(export).RootElement.EnumerateArray().Select(t => t.GetProperty("payee").GetString()!).ToList()
            : Csv.Parse(export).Skip(1).Select(r => r[2]).ToList();

    private sealed record ExportedTransaction(
        string Date, string Account, long AccountId, string Payee, string? Category, long? CategoryId, decimal Amount, string Currency, string Notes, List<string> Tags)
    {
        public static readonly IEqualityComparer<ExportedTransaction> Comparer = EqualityComparer<ExportedTransaction>.Create(
            (a, b) => a!.ToString() == b!.ToString() && a.Tags.SequenceEqual(b.Tags), t => t.Payee.GetHashCode(StringComparison.Ordinal));
    }
}
