using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Import;
using FinanceTracker.Tests.Infrastructure;
using static FinanceTracker.Tests.Infrastructure.StatementFiles;

namespace FinanceTracker.Tests.Api;

/// <summary>Bank import through the Api: preview writes nothing, commit writes the new rows once, undo takes them back.</summary>
public sealed class ImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("ofx/actual_data.ofx", "USD", 10, -364.41)]
    [InlineData("ofx/ofxparse_bank_medium.ofx", "CAD", 3, -345.27)]
    [InlineData("ofx/ofxparse_suncorp.ofx", "AUD", 1, -16.85)]
    [InlineData("ofx/ofxparse_ofx-v102-empty-tags.ofx", "AUD", 1, 12.34)]
    [InlineData("ofx/actual_8859-1.qfx", "CAD", 1, -20.00)]
    [InlineData("qif/actual_data.qif", "USD", 18, 394.06)]
    [InlineData("qif/quiffen_test.qif", "USD", 6, -35.50)]
    [InlineData("csv/ing_nl_ok.csv", "EUR", 5, 19.38)]
    [InlineData("csv/knab_nl_ok.csv", "EUR", 28, 7.01)]
    [InlineData("csv/lloyds_uk_sample-statement.csv", "GBP", 12, -3881.99)]
    [InlineData("csv/dcu_us_checking.csv", "USD", 10, 500.00)]
    public async Task ARealExportImportsItsRowsOnceAndASecondImportAddsNothing(string file, string currency, int rows, decimal total)
    {
        var content = BankExports.Read(file);
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(currency: currency, openingBalance: 100m);

        var preview = await client.PreviewImportAsync(content, Path.GetFileName(file), account.Id);
        Assert.Equal((rows, rows, 0, 0), (preview.Counts.Rows, preview.Counts.New, preview.Counts.Duplicates, preview.Counts.Errors));
        Assert.Empty((await client.ListTransactionsAsync()).Items);

        var first = await client.CommitImportAsync(preview.Id);
        Assert.Equal((rows, 0, 0), (first.Added, first.SkippedDuplicates, first.Errors));
        Assert.Equal(100m + total, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal(rows, (await client.ListAllTransactionsAsync()).Count);

        var again = await client.PreviewImportAsync(content, Path.GetFileName(file), account.Id);
        Assert.All(again.Rows, r => Assert.Equal("duplicate", r.Status));
        Assert.All(again.Rows, r => Assert.NotNull(r.DuplicateOfId));
        var second = await client.CommitImportAsync(again.Id);
        Assert.Equal((0, rows), (second.Added, second.SkippedDuplicates));
        Assert.Equal(100m + total, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task TwoIdenticalChargesOnOneDayAreBothKeptAndAnOverlappingExportAddsOnlyTheNewRows()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        Row[] march = [new("2026-03-01", -4.50m, "Coffee Bar"), new("2026-03-01", -4.50m, "Coffee Bar"), new("2026-03-02", -60m, "Grocer")];
        Row[] marchAndApril = [.. march, new("2026-04-01", -4.50m, "Coffee Bar"), new("2026-04-02", 2000m, "Salary")];

        Assert.Equal(3, (await client.ImportAsync(Qif(march), "march.qif", account.Id)).Added);
        var overlap = await client.PreviewImportAsync(Qif(marchAndApril), "march-april.qif", account.Id);
        Assert.Equal(["duplicate", "duplicate", "duplicate", "new", "new"], overlap.Rows.Select(r => r.Status));
        Assert.Equal(2, (await client.CommitImportAsync(overlap.Id)).Added);

        var stored = await client.ListAllTransactionsAsync();
        Assert.Equal(5, stored.Count);
        Assert.Equal(2, stored.Count(t => t.Date == "2026-03-01" && t.Amount == -4.50m));
        Assert.Equal(-4.50m * 3 - 60m + 2000m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task BankIdsAreRememberedPerStatementAccountWhicheverAccountTheRowsWentTo()
    {
        var client = await api.NewUserClientAsync();
        var checking = await client.CreateAccountAsync("Checking");
        var savings = await client.CreateAccountAsync("Savings");
        var other = await client.CreateAccountAsync("Elsewhere");
        var file = Ofx([
            ("B1", "111", [new("2026-02-01", -10m, "Shop", "X1"), new("2026-02-02", -11m, "Shop", "X2")]),
            ("B1", "222", [new("2026-02-01", 500m, "Interest", "X1")]),
        ]);

        var preview = await client.PreviewImportAsync(file, "two.ofx", checking.Id);
        Assert.Equal(["B1:111", "B1:222"], preview.Accounts.Select(a => a.Key));
        var result = await client.CommitImportAsync(preview.Id, new { accountMap = new Dictionary<string, long> { ["B1:111"] = checking.Id, ["B1:222"] = savings.Id } });
        Assert.Equal(3, result.Added);
        Assert.Equal(-21m, (await client.GetAccountAsync(checking.Id)).Balance);
        Assert.Equal(500m, (await client.GetAccountAsync(savings.Id)).Balance);

        // The same file later, uploaded to a third account: the FITIDs are found all the same.
        var again = await client.PreviewImportAsync(file, "two.ofx", other.Id);
        Assert.All(again.Rows, r => Assert.Equal("duplicate", r.Status));
        Assert.Equal(0, (await client.CommitImportAsync(again.Id)).Added);
        Assert.Equal(0m, (await client.GetAccountAsync(other.Id)).Balance);
    }

    [Fact]
    public async Task ARowLikeOneEnteredByHandIsFlaggedLeftOutByDefaultAndAddedWhenIncluded()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var typed = await client.CreateTransactionAsync(account.Id, -42.10m, date: "2026-05-03", payee: "Hardware store");
        var file = Ofx(new Row("2026-05-05", -42.10m, "BAUHAUS 123", "H1"), new Row("2026-05-05", -3m, "Bakery", "H2"));

        var preview = await client.PreviewImportAsync(file, "may.ofx", account.Id);
        var flagged = preview.Rows.Single(r => r.Amount == -42.10m);
        Assert.Equal(("duplicate", typed.Id, true), (flagged.Status, flagged.DuplicateOfId, flagged.CanInclude));
        Assert.Contains("2026-05-03", flagged.Reason);
        Assert.Equal(1, (await client.CommitImportAsync(preview.Id)).Added);

        var chosen = await client.PreviewImportAsync(file, "may.ofx", account.Id);
        var lookAlike = chosen.Rows.Single(r => r.Amount == -42.10m);
        Assert.Equal("duplicate", lookAlike.Status);
        var result = await client.CommitImportAsync(chosen.Id, new { include = new[] { lookAlike.Line } });
        Assert.Equal(1, result.Added);
        Assert.Equal(2, (await client.ListAllTransactionsAsync()).Count(t => t.Amount == -42.10m));
        Assert.Equal(-42.10m * 2 - 3m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task ABrokenRowIsReportedByLineAndTheGoodRowsStillImport()
    {
        var client = await api.NewUserClientAsync();
        var yen = await client.CreateAccountAsync("Yen", currency: "JPY");
        var file = Ofx(new Row("2026-01-10", -1200m, "Ramen", "J1"), new Row("2026-01-11", -6.60m, "Cents in yen", "J2"), new Row("1850-01-01", -5m, "Too old", "J3"));

        var preview = await client.PreviewImportAsync(file, "yen.ofx", yen.Id);
        Assert.Equal((3, 1, 2), (preview.Counts.Rows, preview.Counts.New, preview.Counts.Errors));
        Assert.All(preview.Rows.Where(r => r.Status == "error"), r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        Assert.All(preview.Rows, r => Assert.True(r.Line > 0));

        var result = await client.CommitImportAsync(preview.Id);
        Assert.Equal((1, 2), (result.Added, result.Errors));
        Assert.Equal(-1200m, (await client.GetAccountAsync(yen.Id)).Balance);
    }

    [Fact]
    public async Task UndoTakesTheWholeImportBackOutOfBalancesAndTotalsAndTheFileCanBeImportedAgain()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 10m);
        var file = Ofx(new Row("2026-06-01", -20m, "A", "U1"), new Row("2026-06-15", 300m, "B", "U2"), new Row("2026-07-01", -5m, "C", "U3"));
        var kept = await client.CreateTransactionAsync(account.Id, -1m, date: "2026-06-20", payee: "By hand");

        var result = await client.ImportAsync(file, "june.ofx", account.Id);
        Assert.Equal(3, (await client.ListTransactionsAsync($"importId={result.ImportId}")).TotalCount);
        Assert.Equal(10m - 1m + 275m, (await client.GetAccountAsync(account.Id)).Balance);

        var undo = await client.DeleteAsync($"/api/imports/{result.ImportId}/transactions");
        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.Equal(3, (await undo.Content.ReadFromJsonAsync<Dictionary<string, int>>())!["removed"]);
        Assert.Equal(9m, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal([kept.Id], (await client.ListAllTransactionsAsync()).Select(t => t.Id));
        // The monthly totals answer the same: June holds only the row typed by hand.
        var june = await client.ListTransactionsAsync("from=2026-06-01&to=2026-07-31");
        Assert.Equal((1, -1m), (june.TotalCount, june.Totals.Single().Amount));

        await (await client.DeleteAsync($"/api/imports/{result.ImportId}/transactions")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(3, (await client.ImportAsync(file, "june.ofx", account.Id)).Added);
    }

    [Fact]
    public async Task ACommittedPreviewCannotBeCommittedTwiceEvenAtOnce()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var preview = await client.PreviewImportAsync(Ofx(new Row("2026-02-03", -7m, "Once", "O1")), "once.ofx", account.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync($"/api/imports/{preview.Id}/commit", new { })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(-7m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "empty.csv", [] },
        { "garbage.csv", Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray() },
        { "photo.csv", ReceiptSamples.Png() },
        { "truncated.ofx", Ofx(new Row("2026-01-01", -1m, "Cut", "T1"))[..120] },
        { "wide.csv", System.Text.Encoding.ASCII.GetBytes(string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"c{i}")) + "\n1,2\n") },
        { "one-line.csv", System.Text.Encoding.ASCII.GetBytes("Date,Amount,Payee\n2026-01-01,1.00," + new string('x', 5 * 1024 * 1024) + "\n") },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task AFileThatIsNotABankExportGetsAClearProblemAndWritesNothing(string fileName, byte[] content)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();

        var problem = await (await client.UploadImportAsync(content, fileName, account.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        Assert.False(string.IsNullOrWhiteSpace(problem.Errors!["file"][0]));
        Assert.Empty((await client.ListTransactionsAsync()).Items);
        Assert.Empty((await client.GetFromJsonAsync<List<ImportSummaryModel>>("/api/imports"))!);
    }

    [Fact]
    public async Task ACsvMappingChosenOnceIsRememberedForTheAccountAndAWrongColumnIsNamed()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        // Two date-like columns and two text columns: the person says which is which.
        const string csv = "Booked;Value date;Who;What;Sum\n03.02.2026;05.02.2026;Grocer;Weekly shop;-45,10\n04.02.2026;04.02.2026;Employer;Pay;1.500,00\n";
        const string mapping = """{"date": "Value date", "amount": "Sum", "payee": "What", "notes": "Who"}""";

        await (await client.UploadImportAsync(System.Text.Encoding.UTF8.GetBytes(csv), "bank.csv", account.Id, """{"date": "No such column"}"""))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "mapping");
        var preview = await client.PreviewImportAsync(csv, "bank.csv", account.Id, mapping);
        Assert.Equal(["2026-02-05", "2026-02-04"], preview.Rows.Select(r => r.Date));
        Assert.Equal([("Weekly shop", "Grocer", -45.10m), ("Pay", "Employer", 1500m)], preview.Rows.Select(r => (r.Payee, r.Notes, r.Amount!.Value)));
        await client.CommitImportAsync(preview.Id);

        // Next month's export, uploaded without a mapping: the account's remembered one reads it the same way.
        var next = await client.PreviewImportAsync(csv.Replace(".02.2026", ".03.2026", StringComparison.Ordinal), "bank.csv", account.Id);
        Assert.Equal(["2026-03-05", "2026-03-04"], next.Rows.Select(r => r.Date));
        Assert.Equal(["Weekly shop", "Pay"], next.Rows.Select(r => r.Payee));
    }

    [Fact]
    public async Task ACommitWritesWhatTheLastReadingShowedInTheAccountItNames()
    {
        var client = await api.NewUserClientAsync();
        var first = await client.CreateAccountAsync("First", openingBalance: 0m);
        var second = await client.CreateAccountAsync("Second", openingBalance: 0m);
        const string csv = "Booked;Value date;Who;Sum\n03.02.2026;05.02.2026;Grocer;-45,10\n04.02.2026;06.02.2026;Employer;1.500,00\n";
        const string byBooked = """{"date": "Booked", "amount": "Sum", "payee": "Who"}""";
        const string byValue = """{"date": "Value date", "amount": "Sum", "payee": "Who"}""";

        // Previewed by booking date, read again by value date, committed into the other account: the last reading counts.
        var preview = await client.PreviewImportAsync(csv, "bank.csv", first.Id, byBooked);
        Assert.Equal(["2026-02-03", "2026-02-04"], preview.Rows.Select(r => r.Date));
        var again = await client.PostAsJsonAsync($"/api/imports/{preview.Id}/preview", new { mapping = JsonDocument.Parse(byValue).RootElement });
        Assert.Equal(["2026-02-05", "2026-02-06"], (await again.Content.ReadFromJsonAsync<ImportPreviewModel>())!.Rows.Select(r => r.Date));
        Assert.Equal(2, (await client.CommitImportAsync(preview.Id, new { accountId = second.Id })).Added);
        Assert.Equal([("2026-02-05", second.Id), ("2026-02-06", second.Id)],
            (await client.ListAllTransactionsAsync()).OrderBy(t => t.Date).Select(t => (t.Date, t.AccountId)));
        Assert.Equal((0m, 1454.90m), ((await client.GetAccountAsync(first.Id)).Balance, (await client.GetAccountAsync(second.Id)).Balance));

        // Its keys are the second account's: the same file into it is all duplicates, into the first all new.
        var intoSecond = await client.PreviewImportAsync(csv, "bank.csv", second.Id, byValue);
        Assert.All(intoSecond.Rows, r => Assert.Equal("duplicate", r.Status));
        var intoFirst = await client.PreviewImportAsync(csv, "bank.csv", first.Id, byValue);
        Assert.All(intoFirst.Rows, r => Assert.Equal("new", r.Status));

        // A mapping given with the commit overrides the previewed one.
        Assert.Equal(2, (await client.CommitImportAsync(intoFirst.Id, new { mapping = JsonDocument.Parse(byBooked).RootElement })).Added);
        Assert.Equal(["2026-02-03", "2026-02-04"],
            (await client.ListAllTransactionsAsync()).Where(t => t.AccountId == first.Id).OrderBy(t => t.Date).Select(t => t.Date));
    }

    [Fact]
    public async Task AQifSplitBecomesASplitTransactionCountedInEachPartsCategory()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        long Id(string name) => categories.Single(c => c.Name == name).Id;
        const string qif = "!Type:Bank\nD2026-04-10\nT-80.00\nPHypermarket\nMweekly\nSGroceries\nEfood\n$-50.00\nSHousing\n$-30.00\n^\n"
            + "D2026-04-11\nT-9.00\nPOdd split\nSGroceries\n$-5.00\nSHousing\n$-3.00\n^\n";

        var result = await client.ImportAsync(qif, "split.qif", account.Id);
        Assert.Equal(2, result.Added);
        var stored = await client.ListAllTransactionsAsync();
        var split = stored.Single(t => t.Payee == "Hypermarket");
        Assert.Null(split.CategoryId);
        Assert.Equal([(Id("Groceries"), -50m, "food"), (Id("Housing"), -30m, "")], split.Splits!.Select(p => (p.CategoryId!.Value, p.Amount, p.Notes)));
        // Parts that do not add up to the amount cannot be a split: they are kept in the notes.
        var odd = stored.Single(t => t.Payee == "Odd split");
        Assert.True(odd.Splits is null or { Count: 0 });
        Assert.Contains("Groceries", odd.Notes);

        var groceries = await client.ListTransactionsAsync($"categoryId={Id("Groceries")}");
        Assert.Equal(-50m, groceries.Totals.Single().Amount);
        Assert.Equal(-89m, (await client.GetAccountAsync(account.Id)).Balance);
    }

    [Fact]
    public async Task AnotherPersonsAccountAndImportsAreOutOfReach()
    {
        var owner = await api.NewUserClientAsync();
        var stranger = await api.NewUserClientAsync();
        var account = await owner.CreateAccountAsync();
        var strangersAccount = await stranger.CreateAccountAsync();
        var file = Ofx(new Row("2026-02-03", -7m, "Mine", "I1"));

        await (await stranger.UploadImportAsync(file, "x.ofx", account.Id)).AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");
        var preview = await owner.PreviewImportAsync(file, "x.ofx", account.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/imports/{preview.Id}/commit", new { })).StatusCode);
        var intoStrangers = await owner.PostAsJsonAsync($"/api/imports/{preview.Id}/commit", new { accountId = strangersAccount.Id });
        await intoStrangers.AssertProblemAsync(HttpStatusCode.BadRequest, "accountId");

        var committed = await owner.CommitImportAsync(preview.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/imports/{committed.ImportId}/transactions")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<ImportSummaryModel>>("/api/imports"))!);
        Assert.Equal(-7m, (await owner.GetAccountAsync(account.Id)).Balance);
        // The same file is new to someone else: keys are per person.
        Assert.Equal(1, (await stranger.ImportAsync(file, "x.ofx", strangersAccount.Id)).Added);
    }

    [Fact]
    public async Task RulesCategoriseRenameAndTagImportedRows()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var dining = (await client.CategoriesAsync()).First(c => c.Kind == "expense");
        var rule = await client.PostAsJsonAsync("/api/import-rules",
            new { match = "matches", pattern = "^STARBUCKS\\b", categoryId = dining.Id, renamePayee = "Starbucks", addTag = "coffee" });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);
        await (await client.PostAsJsonAsync("/api/import-rules", new { match = "matches", pattern = "(", categoryId = dining.Id }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "pattern");
        await (await client.PostAsJsonAsync("/api/import-rules", new { match = "contains", pattern = "x" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "categoryId");

        var file = Ofx(new Row("2026-03-02", -5.21m, "STARBUCKS   STORE 07604", "S1"), new Row("2026-03-02", -9m, "Cinema", "S2"));
        var preview = await client.PreviewImportAsync(file, "coffee.ofx", account.Id);
        var coffee = preview.Rows.Single(r => r.Amount == -5.21m);
        Assert.Equal(("Starbucks", dining.Id), (coffee.Payee, coffee.CategoryId));
        Assert.Equal("Cinema", preview.Rows.Single(r => r.Amount == -9m).Payee);

        await client.CommitImportAsync(preview.Id);
        var stored = (await client.ListAllTransactionsAsync()).Single(t => t.Amount == -5.21m);
        Assert.Equal(("Starbucks", dining.Id, "coffee"), (stored.Payee, stored.CategoryId, stored.Tags.Single()));
    }
}
