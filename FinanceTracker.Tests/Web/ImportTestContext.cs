using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Import;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

/// <summary>The bUnit context of the import tests: the import client on the same fake Api, and a preview to answer with.</summary>
public abstract class ImportTestContext : WebTestContext
{
    protected const long ImportId = 7;

    protected static readonly CsvMapping Detected = new(
        "Booking date", "Amount", null, null, "Counterparty", "Description", null, "dd/MM/yyyy", ".", 0, ",", "utf-8", true);

    protected static readonly ImportRow Grocer = new(2, "default", new(2026, 3, 14), -12.50m, "Corner grocer", "Weekly shop", "new");
    protected static readonly ImportRow Power = new(3, "default", new(2026, 3, 15), -40m, "City power", "March bill", "duplicate",
        DuplicateOfId: 55, Reason: "Imported before from march.csv on 2 Mar 2026");
    protected static readonly ImportRow Streaming = new(4, "default", new(2026, 3, 16), -9.99m, "Streaming", "", "duplicate",
        DuplicateOfId: 60, Reason: "Looks like the one you entered on 15 Mar 2026 (same amount, 1 day apart)", CanInclude: true);
    protected static readonly ImportRow Broken = new(5, "default", null, null, "", "", "error", Error: "The amount “abc” is not a number.");
    protected static readonly ImportRow Payroll = new(6, "default", new(2026, 3, 20), 2500m, "Employer", "March salary", "new");

    protected ImportTestContext()
    {
        Services.AddSingleton(new ImportApiClient(new HttpClient(Api) { BaseAddress = new Uri("http://api/") }));
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/imports", HttpStatusCode.OK, Array.Empty<ImportSummary>())
           .On(HttpMethod.Post, "/api/imports", HttpStatusCode.OK, Preview());
    }

    protected static ImportPreview Preview(CsvMapping? mapping = null, params ImportRow[] rows)
    {
        rows = rows.Length > 0 ? rows : [Grocer, Power, Streaming, Broken, Payroll];
        var counts = new ImportCounts(rows.Length, rows.Count(r => r.Status == "new"), rows.Count(r => r.Status == "duplicate"),
            rows.Count(r => r.Status == "error"));
        var settings = new ImportSettings("csv", "utf-8", ["Booking date", "Amount", "Counterparty", "Description", "Reference"],
            mapping ?? Detected, ["dd/MM/yyyy", "MM/dd/yyyy"], true, ["The dates could be day-first or month-first."]);
        return new(ImportId, "csv", "bank.csv", settings, [new("default", null, null, null, rows.Length, null)], rows, counts);
    }

    protected IEnumerable<(HttpMethod Method, string PathAndQuery, string? Body)> RequestsTo(string path) =>
        Api.Requests.Where(r => r.PathAndQuery == path);

    /// <summary>Picks a file and uploads it; returns once the preview is on screen.</summary>
    protected static void Upload(IRenderedComponent<ImportPage> cut, string fileName = "bank.csv", string text = "Booking date,Amount\n14/03/2026,-12.50\n")
    {
        cut.WaitForAssertion(() => cut.FindComponent<InputFile>());
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(text, fileName, contentType: "text/csv"));
        cut.Button("Upload and preview").Click();
    }
}
