using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Settings;
using FinanceTracker.Web.Components.Pages.Transactions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

/// <summary>Where the import and export features meet the other pages: the imported rows, exports, backup.</summary>
public sealed class ImportLinksTests : ImportTestContext
{
    private static Transaction Row(long id, string payee) => new(id, 1, 10, new DateOnly(2026, 11, 20), -id, "EUR", payee, null, [], 1);

    public ImportLinksTests() =>
        Api.On(HttpMethod.Get, "/api/transactions", HttpStatusCode.OK, new TransactionPage([Row(1, "Imported payee")], 1, [new("EUR", -1m)], null))
           .On(HttpMethod.Get, "/api/transactions/totals", HttpStatusCode.OK, new TransactionTotals(1, [new("EUR", -1m)]));

    [Fact]
    public void TheImportedRowsLinkShowsOnlyThatImportsTransactions()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/transactions?importId=7");
        var cut = Render<Transactions>();

        cut.WaitForAssertion(() => Assert.Contains("Imported payee", cut.Markup));
        Assert.Contains("importId=7", Api.Requests.Last(r => r.PathAndQuery.StartsWith("/api/transactions?")).PathAndQuery);
        Assert.Contains("Showing only the transactions added by one import.", cut.Markup);

        cut.FindAll("a").Single(a => a.TextContent.Trim() == "Show all transactions").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("importId", Api.Requests.Last(r => r.PathAndQuery.StartsWith("/api/transactions?")).PathAndQuery));
        Assert.DoesNotContain("Showing only the transactions added by one import.", cut.Markup);
    }

    [Fact]
    public void ExportLinksCarryTheCurrentFilters()
    {
        var cut = Render<Transactions>();
        cut.WaitForAssertion(() => Assert.Contains("Imported payee", cut.Markup));
        cut.Button("Filters").Click();
        cut.Field("Account").Change(Checking.Id.ToString());
        cut.Field("From").Change("2026-11-01");

        var csv = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Export CSV");
        var json = cut.FindAll("a").Single(a => a.TextContent.Trim() == "Export JSON");
        Assert.Equal("/exports/transactions?format=csv&accountId=1&from=2026-11-01", csv.GetAttribute("href"));
        Assert.StartsWith("/exports/transactions?format=json&", json.GetAttribute("href"));
        Assert.True(csv.HasAttribute("download"));
    }

    [Fact]
    public void RestoreIsOfferedOnlyToSomeoneWithNoTransactions()
    {
        var cut = Render<BackupSection>();
        cut.WaitForAssertion(() => Assert.Contains("A backup can be restored only into an account with no transactions yet.", cut.Markup));
        Assert.False(cut.HasButton("Restore from backup"));
        Assert.Equal("/exports/backup", cut.FindAll("a").Single(a => a.TextContent.Trim() == "Download backup").GetAttribute("href"));
        Assert.Equal("/exports/backup?receipts=true",
            cut.FindAll("a").Single(a => a.TextContent.Trim() == "Download backup with receipts").GetAttribute("href"));
    }

    [Fact]
    public void RestoringABackupAsksFirstThenSendsTheFile()
    {
        Api.On(HttpMethod.Get, "/api/transactions", HttpStatusCode.OK, new TransactionPage([], 0, [], null))
           .On(HttpMethod.Post, "/api/imports/backup", HttpStatusCode.OK, new { accounts = 2 });
        var dialogs = Render<Microsoft.FluentUI.AspNetCore.Components.FluentDialogProvider>();
        var cut = Render<BackupSection>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Restore from backup")));

        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>()
            .UploadFiles(InputFileContent.CreateFromText("{\"accounts\":[]}", "backup.json", contentType: "application/json"));
        cut.Button("Restore from backup").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Restore this backup?", dialogs.Markup));
        Assert.DoesNotContain(Api.Requests, r => r.PathAndQuery == "/api/imports/backup");
        dialogs.FindAll("fluent-button").Last(b => b.TextContent.Trim() == "Restore").Click();

        cut.WaitForAssertion(() => Assert.Contains("Your backup was restored.", cut.Markup));
        Assert.Contains("{\"accounts\":[]}", Api.Requests.Single(r => r.PathAndQuery == "/api/imports/backup").Body);
    }
}
