using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Import;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class ImportPageTests : ImportTestContext
{
    private IRenderedComponent<ImportPage> UploadedPage()
    {
        var cut = Render<ImportPage>();
        Upload(cut);
        cut.WaitForAssertion(() => Assert.Contains("Corner grocer", cut.Markup));
        return cut;
    }

    private static IReadOnlyList<string> RowTexts(IRenderedComponent<ImportPage> cut) =>
        cut.Find("table[aria-label='Preview of the rows in the file']").QuerySelectorAll("tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();

    [Fact]
    public void UploadSendsTheFileAndAccountAndShowsThePreview()
    {
        var cut = UploadedPage();

        var upload = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/imports");
        Assert.Contains("name=accountId", upload.Body);
        Assert.Contains("14/03/2026,-12.50", upload.Body);
        Assert.Contains("filename=bank.csv", upload.Body);
        var table = cut.Find("table[aria-label='Preview of the rows in the file']");
        Assert.Equal(["Line", "Date", "Payee", "Notes", "Amount", "Status"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray());
        Assert.Equal(5, RowTexts(cut).Count);
        Assert.Contains("−€12.50", RowTexts(cut)[0]);
        Assert.Contains("14 Mar 2026", RowTexts(cut)[0]);
        Assert.Contains("Import 2 transactions", cut.Markup);
    }

    [Fact]
    public void StatusesAreWordsWithTheirReasonsWrittenOut()
    {
        var cut = UploadedPage();

        var rows = RowTexts(cut);
        Assert.Contains("New", rows[0]);
        Assert.Contains("Duplicate", rows[1]);
        Assert.Contains("Imported before from march.csv on 2 Mar 2026", rows[1]);
        Assert.Contains("Looks like the one you entered on 15 Mar 2026", rows[2]);
        Assert.Contains("Error", rows[3]);
        Assert.Contains("The amount “abc” is not a number.", rows[3]);
        var counts = cut.Find("dl.counts").TextContent;
        Assert.Contains("Rows5", counts.Replace(" ", "").Replace("\n", ""));
        Assert.Contains("Errors1", counts.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public void OnlyALookAlikeOfAHandEnteredRowCanBeImportedAnyway()
    {
        var cut = UploadedPage();

        var boxes = cut.FindAll("label.include");
        Assert.Equal("Import anyway (line 4)", Assert.Single(boxes).TextContent.Trim().Replace("\n", "").Replace("  ", ""));
        cut.Find("label.include input").Change(true);
        cut.Button("Import 3 transactions").Click();

        cut.WaitForAssertion(() => Assert.Single(RequestsTo($"/api/imports/{ImportId}/commit")));
        var body = JsonDocument.Parse(RequestsTo($"/api/imports/{ImportId}/commit").Single().Body!).RootElement;
        Assert.Equal([2, 4, 6], body.GetProperty("include").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        Assert.Equal(Checking.Id, body.GetProperty("accountId").GetInt64());
    }

    [Fact]
    public void AmbiguousDatesAreAChoiceAndAChangedMappingIsReadAgain()
    {
        var remapped = Detected with { Payee = "Description", Notes = "Reference", DateFormat = "MM/dd/yyyy" };
        Api.On(HttpMethod.Post, $"/api/imports/{ImportId}/preview", HttpStatusCode.OK,
            Preview(remapped, Grocer with { Payee = "Weekly shop", Date = new(2026, 3, 14) }));
        var cut = UploadedPage();
        Assert.Contains("This file can be read more than one way", cut.Markup);
        Assert.Equal(["dd/MM/yyyy", "MM/dd/yyyy"], cut.Field("Date format").QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToArray());

        cut.Field("Date format").Change("MM/dd/yyyy");
        cut.Field("Payee column").Change("Description");
        cut.Field("Notes column").Change("Reference");
        Assert.Contains("Read the file again to apply your changes before importing.", cut.Markup);
        cut.Button("Read again").Click();

        cut.WaitForAssertion(() => Assert.Contains("Weekly shop", RowTexts(cut)[0]));
        var sent = JsonDocument.Parse(RequestsTo($"/api/imports/{ImportId}/preview").Single().Body!).RootElement.GetProperty("mapping");
        Assert.Equal("Description", sent.GetProperty("payee").GetString());
        Assert.Equal("Reference", sent.GetProperty("notes").GetString());
        Assert.Equal("MM/dd/yyyy", sent.GetProperty("dateFormat").GetString());
        Assert.Equal("Booking date", sent.GetProperty("date").GetString());
        Assert.DoesNotContain("Read the file again to apply", cut.Markup);
        Assert.Single(RowTexts(cut));
    }

    [Fact]
    public void CommitShowsTheSummaryWithALinkAndUndoAsksFirst()
    {
        Api.On(HttpMethod.Post, $"/api/imports/{ImportId}/commit", HttpStatusCode.OK, new ImportCommitResult(ImportId, 2, 2, 1))
           .On(HttpMethod.Delete, $"/api/imports/{ImportId}/transactions", HttpStatusCode.OK, new UndoImportResult(2));
        var dialogs = Render<FluentDialogProvider>();
        var cut = UploadedPage();

        cut.Button("Import 2 transactions").Click();

        cut.WaitForAssertion(() => Assert.Contains("Added 2 transactions, skipped 2 duplicates, 1 error.", cut.Markup));
        var body = JsonDocument.Parse(RequestsTo($"/api/imports/{ImportId}/commit").Single().Body!).RootElement;
        Assert.Equal(JsonValueKind.Null, body.GetProperty("include").ValueKind);
        Assert.Equal("Booking date", body.GetProperty("mapping").GetProperty("date").GetString());
        var link = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Show the imported transactions");
        Assert.Equal($"/transactions?importId={ImportId}", link.GetAttribute("href"));

        cut.Button("Undo import").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(ImportUndo.Title, dialogs.Markup));
        Assert.Contains("The 2 transactions added from “bank.csv” will be deleted", dialogs.Markup);
        Assert.Empty(RequestsTo($"/api/imports/{ImportId}/transactions"));
        dialogs.FindAll("fluent-button").Last(b => b.TextContent.Trim() == "Undo import").Click();

        cut.WaitForAssertion(() => Assert.Contains("Import undone", cut.Markup));
        Assert.Equal(HttpMethod.Delete, RequestsTo($"/api/imports/{ImportId}/transactions").Single().Method);
    }

    [Fact]
    public void CancellingTheUndoQuestionKeepsTheImport()
    {
        Api.On(HttpMethod.Post, $"/api/imports/{ImportId}/commit", HttpStatusCode.OK, new ImportCommitResult(ImportId, 2, 2, 1));
        var dialogs = Render<FluentDialogProvider>();
        var cut = UploadedPage();
        cut.Button("Import 2 transactions").Click();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Undo import")));

        cut.Button("Undo import").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Cancel")));
        dialogs.Button("Cancel").Click();

        Assert.Empty(RequestsTo($"/api/imports/{ImportId}/transactions"));
        Assert.Contains("Import finished", cut.Markup);
    }

    [Fact]
    public void AnUnreadableFileShowsTheApisDetailAndFieldMessages()
    {
        Api.On(HttpMethod.Post, "/api/imports", _ => FakeApi.Problem(HttpStatusCode.BadRequest, "The file can't be imported",
            "Nothing was imported.", new() { ["file"] = ["This looks like a PNG image, not a bank export."] }));
        var cut = Render<ImportPage>();

        Upload(cut, "photo.csv");

        cut.WaitForAssertion(() => Assert.Contains("This looks like a PNG image, not a bank export.", cut.Markup));
        var bar = cut.Find(".api-problem");
        Assert.Contains("File:", bar.TextContent);
        Assert.Contains("Nothing was imported.", bar.TextContent);
        Assert.Contains("The file can't be imported", bar.TextContent);
        Assert.True(cut.HasButton("Upload and preview"));
    }

    [Fact]
    public void AFileOver50MegabytesIsRefusedBeforeSending()
    {
        var cut = Render<ImportPage>();
        cut.WaitForAssertion(() => cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>());

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromBinary(new byte[ImportApiClient.MaxFileBytes + 1], "huge.csv"));
        cut.Button("Upload and preview").Click();

        Assert.Contains("“huge.csv” is larger than 50 MB.", cut.Markup);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
    }

    [Fact]
    public void ACommitErrorIsShownWithItsFieldMessages()
    {
        Api.On(HttpMethod.Post, $"/api/imports/{ImportId}/commit", _ => FakeApi.Problem(HttpStatusCode.Conflict,
            "Already imported", "This file was imported a minute ago.", new() { ["accountId"] = ["The account was archived."] }));
        var cut = UploadedPage();

        cut.Button("Import 2 transactions").Click();

        cut.WaitForAssertion(() => Assert.Contains("This file was imported a minute ago.", cut.Markup));
        Assert.Contains("Account:", cut.Find(".api-problem").TextContent);
        Assert.Contains("The account was archived.", cut.Markup);
    }

    [Fact]
    public void EachStatementOfAMultiAccountFileIsMappedToAnAccount()
    {
        var ofx = Preview(null, Grocer with { AccountKey = "BANK:111" }, Payroll with { AccountKey = "BANK:222" }) with
        {
            Format = "ofx",
            Settings = new("ofx", "windows-1252", [], null, ["yyyyMMdd"], false, []),
            Accounts = [new("BANK:111", "NL00BANK0000111", "CHECKING", "EUR", 1, Checking.Id), new("BANK:222", "4000222", "CREDITLINE", "JPY", 1, null)],
        };
        Api.On(HttpMethod.Post, "/api/imports", HttpStatusCode.OK, ofx)
           .On(HttpMethod.Post, $"/api/imports/{ImportId}/commit", HttpStatusCode.OK, new ImportCommitResult(ImportId, 2, 0, 0));
        var cut = Render<ImportPage>();
        Upload(cut, "statement.ofx");
        cut.WaitForAssertion(() => Assert.Contains("Accounts in this file", cut.Markup));

        Assert.Equal(Checking.Id.ToString(), cut.Field("Checking ••0111 (EUR), 1 row").GetAttribute("value"));
        Assert.Contains("Choose an account for each statement in the file.", cut.Markup);
        cut.Field("Creditline ••0222 (JPY), 1 row").Change(YenWallet.Id.ToString());
        Assert.Contains("+¥2,500", cut.Markup);
        cut.Button("Import 2 transactions").Click();

        cut.WaitForAssertion(() => Assert.Single(RequestsTo($"/api/imports/{ImportId}/commit")));
        var map = JsonDocument.Parse(RequestsTo($"/api/imports/{ImportId}/commit").Single().Body!).RootElement.GetProperty("accountMap");
        Assert.Equal(Checking.Id, map.GetProperty("BANK:111").GetInt64());
        Assert.Equal(YenWallet.Id, map.GetProperty("BANK:222").GetInt64());
    }

    [Fact]
    public void ALargePreviewShowsFiftyRowsAPageAndFiltersByStatus()
    {
        var rows = Enumerable.Range(1, 120).Select(i => Grocer with { Line = i, Payee = $"Payee {i}", Status = i % 10 == 0 ? "error" : "new", Error = i % 10 == 0 ? $"Bad row {i}" : null }).ToArray();
        Api.On(HttpMethod.Post, "/api/imports", HttpStatusCode.OK, Preview(null, rows));
        var cut = Render<ImportPage>();
        Upload(cut);
        cut.WaitForAssertion(() => Assert.Contains("Payee 1", cut.Markup));

        Assert.Equal(PreviewTable.PageSize, RowTexts(cut).Count);
        Assert.Contains("1–50 of 120", cut.Markup);
        cut.Button("Next page").Click();
        Assert.StartsWith("51", RowTexts(cut)[0]);

        cut.Field("Show").Change("error");
        Assert.Equal(12, RowTexts(cut).Count);
        Assert.All(RowTexts(cut), row => Assert.Contains("Bad row", row));
    }

    [Fact]
    public void CreateRuleFromARowPrefillsThePayeeAndReadsTheFileAgain()
    {
        var rule = new ImportRuleResponse(3, RuleMatch.Contains, "Corner grocer", Groceries.Id, null, null, 1);
        Api.On(HttpMethod.Post, "/api/import-rules", HttpStatusCode.Created, rule)
           .On(HttpMethod.Post, $"/api/imports/{ImportId}/preview", HttpStatusCode.OK, Preview(null, Grocer with { CategoryId = Groceries.Id, RuleId = 3 }));
        var dialogs = Render<FluentDialogProvider>();
        var cut = UploadedPage();

        cut.FindAll("button.create-rule").First().Click();
        dialogs.WaitForAssertion(() => Assert.Contains("New import rule", dialogs.Markup));
        Assert.Equal("Corner grocer", dialogs.Field("Pattern").GetAttribute("value"));
        dialogs.Field("Set category").Change(Groceries.Id.ToString());
        dialogs.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Category: Groceries", cut.Markup));
        var sent = JsonDocument.Parse(RequestsTo("/api/import-rules").Single().Body!).RootElement;
        Assert.Equal("contains", sent.GetProperty("match").GetString());
        Assert.Equal("Corner grocer", sent.GetProperty("pattern").GetString());
        Assert.Equal(Groceries.Id, sent.GetProperty("categoryId").GetInt64());
    }

    [Fact]
    public void RecentImportsListOnlyOffersUndoForCommittedOnes()
    {
        Api.On(HttpMethod.Get, "/api/imports", HttpStatusCode.OK, new ImportSummary[]
        {
            new(9, "april.csv", "csv", "committed", Checking.Id, 30, 28, DateTime.UtcNow, DateTime.UtcNow),
            new(8, "old.ofx", "ofx", "undone", Checking.Id, 12, 12, DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(-1)),
        });
        var cut = Render<ImportPage>();

        cut.WaitForAssertion(() => Assert.Contains("april.csv", cut.Markup));
        var rows = cut.Find("table[aria-label='Recent imports']").QuerySelectorAll("tbody tr");
        Assert.Contains("Imported", rows[0].TextContent);
        Assert.NotNull(rows[0].QuerySelector("fluent-button[title='Undo the import of april.csv']"));
        Assert.Contains("Undone", rows[1].TextContent);
        Assert.Null(rows[1].QuerySelector("fluent-button"));
    }
}
