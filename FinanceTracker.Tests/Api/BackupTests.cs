using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class BackupTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Range = "from=2025-01-01&to=2026-12-31";

    [Fact]
    public async Task ABackupRestoredIntoANewUserGivesTheSameLedger()
    {
        var (source, sourceId) = await NewUserAsync();
        await FillLedgerAsync(source, sourceId);
        var backup = await BackupJsonAsync(source);
        var (target, targetId) = await NewUserAsync();

        var response = await RestoreAsync(target, backup);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var restored = (await response.Content.ReadFromJsonAsync<RestoreCounts>())!;
        var document = JsonDocument.Parse(backup).RootElement;
        Assert.Equal(new RestoreCounts(3, document.GetProperty("categories").GetArrayLength(), 9, 4, 2, 0, 0), restored);
        // Everything the backup holds, with ids replaced by what they point at: the same in the copy's own backup.
        Assert.Equal(Ledger.Of(document), Ledger.Of(JsonDocument.Parse(await BackupJsonAsync(target)).RootElement));
        Assert.Equal(await AccountsAsync(source), await AccountsAsync(target));
        Assert.Equal(await MarksAsync(source), await MarksAsync(target));
        Assert.Contains("Employer|True|True", await MarksAsync(target));
        Assert.Equal(await CategoryTreeAsync(source), await CategoryTreeAsync(target));
        Assert.DoesNotContain(await target.CategoriesAsync(), c => c.Name == "Education");
        Assert.Equal(await MonthlyTotalsAsync(sourceId), await MonthlyTotalsAsync(targetId));
        foreach (var report in new[] { "summary", "monthly" })
        {
            Assert.Equal(await source.GetStringAsync($"/api/analytics/{report}?{Range}"), await target.GetStringAsync($"/api/analytics/{report}?{Range}"));
        }
    }

    [Fact]
    public async Task TheZipBackupCarriesEachReceiptsBytesAndARestoreUploadsThem()
    {
        var (source, _) = await NewUserAsync();
        var account = await source.CreateAccountAsync();
        var lunch = await source.CreateTransactionAsync(account.Id, -8.2m, "2026-02-03", "Lunch");
        var rent = await source.CreateTransactionAsync(account.Id, -700m, "2026-02-01", "Rent");
        var png = ReceiptSamples.Png();
        var pdf = ReceiptSamples.Pdf();
        var photo = await source.AddReceiptAsync(lunch.Id, png, "lunch.png");
        var contract = await source.AddReceiptAsync(rent.Id, pdf, "Mietvertrag Müller.pdf");

        var response = await source.GetAsync("/api/exports/backup?receipts=true");

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^financetracker-backup-\d{4}-\d{2}-\d{2}\.zip$", response.Content.Headers.ContentDisposition?.FileNameStar);
        var zipBytes = await response.Content.ReadAsByteArrayAsync();
        using (var zip = new ZipArchive(new MemoryStream(zipBytes)))
        {
            Assert.Equal(png, Read(zip, $"receipts/{photo.Id}/lunch.png"));
            Assert.Equal(pdf, Read(zip, $"receipts/{contract.Id}/Mietvertrag Müller.pdf"));
            var receipts = JsonDocument.Parse(Read(zip, "backup.json")).RootElement.GetProperty("receipts").EnumerateArray()
                .ToDictionary(r => r.GetProperty("fileName").GetString()!, r => r.GetProperty("sha256").GetString());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(png)), receipts["lunch.png"]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), receipts["Mietvertrag Müller.pdf"]);
        }

        var (target, _) = await NewUserAsync();
        var restore = await RestoreAsync(target, zipBytes, "backup.zip");

        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(2, (await restore.Content.ReadFromJsonAsync<RestoreCounts>())!.Receipts);
        var copies = await target.ListAllTransactionsAsync();
        Assert.Equal([("Lunch", 1), ("Rent", 1)], copies.Select(t => (t.Payee, t.ReceiptCount)).Order());
        foreach (var (payee, bytes, fileName) in new[] { ("Lunch", png, "lunch.png"), ("Rent", pdf, "Mietvertrag Müller.pdf") })
        {
            var receipt = (await target.ListReceiptsAsync(copies.Single(t => t.Payee == payee).Id)).Single();
            Assert.Equal(fileName, receipt.FileName);
            Assert.Equal(bytes, await target.GetByteArrayAsync($"/api/receipts/{receipt.Id}/content"));
        }

        // The JSON-only backup lists the receipts, but without their bytes they cannot come back.
        var (third, _) = await NewUserAsync();
        var jsonOnly = await RestoreAsync(third, await BackupJsonAsync(source));
        Assert.Equal(HttpStatusCode.OK, jsonOnly.StatusCode);
        Assert.Equal((0, 2), await jsonOnly.Content.ReadFromJsonAsync<RestoreCounts>() is { } c ? (c.Receipts, c.ReceiptsWithoutFile) : default);
    }

    [Fact]
    public async Task ARestoreIntoAUserWithAnAccountIs409AndWritesNothing()
    {
        var (source, sourceId) = await NewUserAsync();
        await FillLedgerAsync(source, sourceId);
        var backup = await BackupJsonAsync(source);
        var (target, _) = await NewUserAsync();
        var existing = await target.CreateAccountAsync("Already here");
        var categoriesBefore = await CategoryTreeAsync(target);

        var problem = await (await RestoreAsync(target, backup)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Contains("empty", problem.Detail);
        Assert.Equal([existing], (await target.GetFromJsonAsync<List<Account>>("/api/accounts"))!);
        Assert.Empty(await target.ListAllTransactionsAsync());
        Assert.Equal(categoriesBefore, await CategoryTreeAsync(target));
    }

    [Theory]
    [InlineData("amount-not-a-number", "transactions[1].amount")]
    [InlineData("amount-too-precise", "transactions[0].amount")]
    [InlineData("unknown-account", "transactions[1].accountId")]
    [InlineData("missing-date", "transactions[0].date")]
    [InlineData("bad-tag", "transactions[1].tags")]
    [InlineData("own-parent", "categories[0].parentId")]
    [InlineData("unknown-currency", "accounts[0].currency")]
    [InlineData("unknown-version", "formatVersion")]
    [InlineData("not-json", "file")]
    public async Task AMalformedBackupIs400NamingThePathAndWritesNothing(string damage, string path)
    {
        var (source, _) = await NewUserAsync();
        var account = await source.CreateAccountAsync(openingBalance: 10m);
        await source.CreateTransactionAsync(account.Id, -1m, "2026-01-01", "first");
        await source.CreateTransactionAsync(account.Id, -2m, "2026-01-02", "second", tags: ["ok"]);
        var document = JsonNode.Parse(await BackupJsonAsync(source))!;
        var transactions = document["transactions"]!.AsArray();
        switch (damage)
        {
            case "amount-not-a-number": transactions[1]!["amount"] = "12,50"; break;
            case "amount-too-precise": transactions[0]!["amount"] = 1.234m; break;
            case "unknown-account": transactions[1]!["accountId"] = account.Id + 1_000_000; break;
            case "missing-date": transactions[0]!.AsObject().Remove("date"); break;
            case "bad-tag": transactions[1]!["tags"] = new JsonArray("ok", new string('x', 51)); break;
            case "own-parent": document["categories"]![0]!["parentId"] = document["categories"]![0]!["id"]!.GetValue<long>(); break;
            case "unknown-currency": document["accounts"]![0]!["currency"] = "EURO"; break;
            case "unknown-version": document["formatVersion"] = 99; break;
        }
        var file = damage == "not-json" ? "this is no backup"u8.ToArray() : Encoding.UTF8.GetBytes(document.ToJsonString());
        var (target, _) = await NewUserAsync();
        var categoriesBefore = await CategoryTreeAsync(target);

        await (await RestoreAsync(target, file)).AssertProblemAsync(HttpStatusCode.BadRequest, path);

        Assert.Empty((await target.GetFromJsonAsync<List<Account>>("/api/accounts"))!);
        Assert.Equal(categoriesBefore, await CategoryTreeAsync(target));
    }

    [Fact]
    public async Task ARestoreWithoutAFileFieldIs400NamingIt()
    {
        var (client, _) = await NewUserAsync();

        await (await client.PostAsync("/api/imports/backup", new StringContent("{}", Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        var wrongField = new MultipartFormDataContent { { new ByteArrayContent("{}"u8.ToArray()), "backup", "backup.json" } };
        await (await client.PostAsync("/api/imports/backup", wrongField)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
    }

    /// <summary>Three accounts (one archived), a category tree, a default deleted, rules, a CSV mapping, tags and an import key.</summary>
    private async Task FillLedgerAsync(HttpClient client, long userId)
    {
        var main = await client.CreateAccountAsync("Main", "EUR", 100m);
        var savings = await client.CreateAccountAsync("Savings", "USD", 0m, "savings");
        var yen = await client.CreateAccountAsync("Yen", "JPY", 5000m, "cash");
        (await client.PutAsJsonAsync($"/api/accounts/{savings.Id}",
            new { name = "Savings", type = "savings", currency = "USD", openingBalance = 0m, archived = true })).EnsureSuccessStatusCode();
        var categories = await client.CategoriesAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/categories/{categories.Single(c => c.Name == "Education").Id}")).StatusCode);
        var pets = await CreateCategoryAsync(client, "Pets", null, "#123456");
        var vet = await CreateCategoryAsync(client, "Vet", pets.Id, null);
        var salary = categories.Single(c => c.Name == "Salary");
        var employer = await client.CreateTransactionAsync(main.Id, 2500m, "2025-12-31", "Employer", "December", salary.Id);
        // Reconciled to a statement, and one row cleared since: both marks survive the round trip.
        (await client.PostAsJsonAsync($"/api/accounts/{main.Id}/reconcile",
            new { statementDate = "2025-12-31", statementBalance = 2600m, clearedIds = new[] { employer.Id } })).EnsureSuccessStatusCode();
        var tagged = await client.CreateTransactionAsync(main.Id, -45.9m, "2026-01-15", "Tierarzt Müller", "Impfung; \"Bello\"", vet.Id, ["pets", "health"]);
        var kiosk = await client.CreateTransactionAsync(main.Id, -3.1m, "2026-01-15", "Kiosk", tags: ["cash"]);
        (await client.PutAsJsonAsync($"/api/transactions/{kiosk.Id}/cleared", new { cleared = true })).EnsureSuccessStatusCode();
        await client.CreateTransactionAsync(savings.Id, 200m, "2026-02-01", "Transfer in", tags: ["savings"]);
        await client.CreateTransactionAsync(yen.Id, -1200m, "2026-02-10", "Ramen", categoryId: categories.Single(c => c.Name == "Dining").Id);
        await client.CreateTransactionAsync(yen.Id, -300m, "2026-02-10", "Ramen");
        // A transfer across currencies and a split: the restore links the sides again and keeps the parts.
        (await client.PostAsJsonAsync("/api/transfers",
            new { fromAccountId = main.Id, toAccountId = savings.Id, date = "2026-02-03", amount = 100m, toAmount = 108.5m, payee = "To savings" })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/transactions", new
        {
            accountId = main.Id, date = "2026-02-20", amount = -80m, payee = "Hypermarket",
            splits = new object[] { new { categoryId = vet.Id, amount = -30m, notes = "food" }, new { categoryId = (long?)null, amount = -50m } },
        })).EnsureSuccessStatusCode();
        await api.Database.ScalarAsync<long>("""
            UPDATE transactions SET import_key = UNHEX(SHA2('statement-1:FITID-42', 256)) WHERE id = @transactionId AND user_id = @userId;
            INSERT INTO import_rules (user_id, position, match_kind, pattern, category_id, rename_payee, add_tag)
            VALUES (@userId, 0, 'contains', 'NETFLIX', @categoryId, 'Netflix', 'subscription'),
                   (@userId, 1, 'matches', '^AMZN\\s', NULL, NULL, NULL);
            INSERT INTO import_mappings (account_id, user_id, mapping) VALUES (@accountId, @userId, '{"date":"Buchungstag","amount":"Betrag"}');
            SELECT 0;
            """, ("@userId", userId), ("@transactionId", tagged.Id), ("@categoryId", pets.Id), ("@accountId", main.Id));
    }

    private static async Task<Category> CreateCategoryAsync(HttpClient client, string name, long? parentId, string? color)
    {
        var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense", parentId, color });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Category>())!;
    }

    private async Task<(HttpClient Client, long UserId)> NewUserAsync()
    {
        var email = $"user-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        return (client, await api.Database.ScalarAsync<long>("SELECT id FROM users WHERE email = @email", ("@email", email)));
    }

    private static async Task<byte[]> BackupJsonAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/exports/backup");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^financetracker-backup-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Task<HttpResponseMessage> RestoreAsync(HttpClient client, byte[] file, string fileName = "backup.json") =>
        client.PostAsync("/api/imports/backup", new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } });

    private static async Task<List<string>> MarksAsync(HttpClient client) =>
        (await client.ListAllTransactionsAsync()).Select(t => $"{t.Payee}|{t.Cleared}|{t.Reconciled}").Order(StringComparer.Ordinal).ToList();

    private static async Task<List<string>> AccountsAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<List<Account>>("/api/accounts"))!
            .Select(a => $"{a.Name}|{a.Type}|{a.Currency}|{a.OpeningBalance}|{a.Balance}|{a.Archived}").ToList();

    private static async Task<List<string>> CategoryTreeAsync(HttpClient client)
    {
        var categories = await client.CategoriesAsync();
        var names = categories.ToDictionary(c => c.Id, c => c.Name);
        return categories.Select(c => $"{c.Kind}|{c.Name}|{(c.ParentId is { } p ? names[p] : "")}|{c.Color}").Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The stored monthly totals by account and category name: what balances and analytics read.</summary>
    private async Task<string?> MonthlyTotalsAsync(long userId) =>
        await api.Database.ScalarAsync<string>("""
            SELECT GROUP_CONCAT(CONCAT_WS('|', m.month, a.name, COALESCE(c.name, '-'), m.currency, m.transaction_count, m.income, m.spending)
                                ORDER BY m.month, a.name, c.name SEPARATOR '\n')
            FROM monthly_totals m JOIN accounts a ON a.id = m.account_id LEFT JOIN categories c ON c.id = m.category_id
            WHERE m.user_id = @userId AND m.transaction_count <> 0
            """, ("@userId", userId));

    private static byte[] Read(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"The zip has no {name}: {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private sealed record RestoreCounts(int Accounts, int Categories, int Transactions, int Tags, int ImportRules, int Receipts, int ReceiptsWithoutFile);

    /// <summary>A backup document with every id replaced by what it points at, so two users' backups compare.</summary>
    private sealed record Ledger(string Accounts, string Categories, string Rules, string Transactions, string Receipts)
    {
        public static Ledger Of(JsonElement document)
        {
            Assert.Equal("financetracker-backup", document.GetProperty("format").GetString());
            Assert.Equal(1, document.GetProperty("formatVersion").GetInt32());
            var accounts = Names(document, "accounts");
            var categories = Names(document, "categories");
            // A transfer side names the account of its other side; a split lists its parts by category name.
            var rows = document.GetProperty("transactions").EnumerateArray().ToList();
            long? TransferOf(JsonElement t) => t.TryGetProperty("transferId", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null;
            string Counterpart(JsonElement t) => TransferOf(t) is { } transfer
                ? string.Join(",", rows.Where(o => TransferOf(o) == transfer && o.GetProperty("id").GetInt64() != t.GetProperty("id").GetInt64())
                    .Select(o => accounts[o.GetProperty("accountId").GetInt64()]))
                : "-";
            string Parts(JsonElement t) => t.TryGetProperty("splits", out var parts) && parts.ValueKind == JsonValueKind.Array
                ? string.Join(";", parts.EnumerateArray().Select(p => Join(Name(categories, p.GetProperty("categoryId")), p.GetProperty("amount"), p.GetProperty("notes"))))
                : "-";
            var transactions = rows.ToDictionary(t => t.GetProperty("id").GetInt64(),
                t => Join(t.GetProperty("date"), accounts[t.GetProperty("accountId").GetInt64()], Name(categories, t.GetProperty("categoryId")),
                    t.GetProperty("amount"), t.GetProperty("currency"), t.GetProperty("payee"), t.GetProperty("notes"),
                    string.Join(";", t.GetProperty("tags").EnumerateArray().Select(x => x.GetString())), t.GetProperty("importKey"),
                    Counterpart(t), Parts(t)));
            return new Ledger(
                Lines(document, "accounts", a => Join(a.GetProperty("name"), a.GetProperty("type"), a.GetProperty("currency"),
                    a.GetProperty("openingBalance"), a.GetProperty("archived"), a.GetProperty("importMapping"))),
                Lines(document, "categories", c => Join(c.GetProperty("kind"), c.GetProperty("name"), Name(categories, c.GetProperty("parentId")), c.GetProperty("color")), sort: true),
                Lines(document, "importRules", r => Join(r.GetProperty("position"), r.GetProperty("match"), r.GetProperty("pattern"),
                    Name(categories, r.GetProperty("categoryId")), r.GetProperty("renamePayee"), r.GetProperty("addTag"))),
                string.Join("\n", transactions.Values),
                Lines(document, "receipts", r => Join(transactions[r.GetProperty("transactionId").GetInt64()], r.GetProperty("fileName"),
                    r.GetProperty("contentType"), r.GetProperty("size"), r.GetProperty("uploadedAt"))));
        }

        private static Dictionary<long, string> Names(JsonElement document, string section) =>
            document.GetProperty(section).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetInt64(), e => e.GetProperty("name").GetString()!);

        private static string Name(Dictionary<long, string> names, JsonElement id) => id.ValueKind == JsonValueKind.Null ? "-" : names[id.GetInt64()];

        private static string Lines(JsonElement document, string section, Func<JsonElement, string> line, bool sort = false)
        {
            var lines = document.GetProperty(section).EnumerateArray().Select(line);
            return string.Join("\n", sort ? lines.Order(StringComparer.Ordinal) : lines);
        }

        private static string Join(params object[] parts) =>
            string.Join("|", parts.Select(p => p is JsonElement e ? e.GetRawText() : p.ToString()));
    }
}
