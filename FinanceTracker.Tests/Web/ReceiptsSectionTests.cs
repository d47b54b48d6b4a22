using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class ReceiptsSectionTests : WebTestContext
{
    private static readonly DateTime Uploaded = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Receipt Photo = new(1, 7, "corner grocer.png", "image/png", 48_213, Uploaded);
    private static readonly Receipt Invoice = new(2, 7, "invoice.pdf", "application/pdf", 120_000, Uploaded);
    private static readonly Receipt Heic = new(3, 7, "IMG_0001.HEIC", "image/heic", 2_400_000, Uploaded);

    private IRenderedComponent<ReceiptsSection> RenderSection(params Receipt[] receipts)
    {
        Api.On(HttpMethod.Get, "/api/transactions/7/receipts", HttpStatusCode.OK, receipts);
        var cut = Render<ReceiptsSection>(p => p.Add(s => s.TransactionId, 7L));
        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/transactions/7/receipts"));
        return cut;
    }

    [Fact]
    public void ImagesShowAThumbnailAndPdfsAndHeicAnIconThatOpensFullSize()
    {
        var cut = RenderSection(Photo, Invoice, Heic);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("li.receipt").Count));
        var thumbnail = Assert.Single(cut.FindAll("img"));
        Assert.Equal("corner grocer.png", thumbnail.GetAttribute("alt"));
        Assert.Equal("/receipts/1/content", thumbnail.GetAttribute("src"));
        var pdf = cut.Find("a[aria-label='Open invoice.pdf full size']");
        Assert.Equal("/receipts/2/content", pdf.GetAttribute("href"));
        Assert.Equal("_blank", pdf.GetAttribute("target"));
        Assert.Empty(pdf.QuerySelectorAll("img"));
        Assert.Empty(cut.Find("a[aria-label='Open IMG_0001.HEIC full size']").QuerySelectorAll("img"));
        Assert.NotNull(cut.Find("[aria-label='Delete receipt invoice.pdf']"));
    }

    [Theory]
    [InlineData(413, "The file is larger than 10 MB.")]
    [InlineData(415, "Only JPEG, PNG, WebP, HEIC images and PDF files can be attached.")]
    public async Task ARefusedUploadSaysWhyInWords(int status, string message)
    {
        var cut = RenderSection();
        var problem = JsonSerializer.Serialize(new { title = "Refused", status, errors = new { file = new[] { "Api wording" } } });

        await cut.InvokeAsync(() => cut.Instance.UploadFinished("setup.exe", status, problem));

        Assert.Contains(message, cut.Find(".upload-error").TextContent);
        Assert.Contains("setup.exe", cut.Find(".upload-error").TextContent);
        Assert.Empty(cut.FindAll("li.receipt"));
    }

    [Fact]
    public async Task AnAttachedImageAppearsAsAThumbnail()
    {
        var cut = RenderSection();

        await cut.InvokeAsync(() => cut.Instance.UploadStarted("corner grocer.png"));
        await cut.InvokeAsync(() => cut.Instance.UploadProgress(40));
        Assert.Contains("Uploading corner grocer.png… 40%", cut.Markup);
        await cut.InvokeAsync(() => cut.Instance.UploadFinished("corner grocer.png", 201, JsonSerializer.Serialize(Photo, ApiJson.Options)));

        Assert.Equal("corner grocer.png", cut.Find("li.receipt img").GetAttribute("alt"));
        Assert.DoesNotContain("Uploading", cut.Markup);
        Assert.Empty(cut.FindAll(".upload-error"));
    }

    [Fact(Timeout = 15000)]
    public async Task DeletingAReceiptAsksFirst()
    {
        Api.On(HttpMethod.Delete, "/api/receipts/2", HttpStatusCode.NoContent);
        var provider = Render<FluentDialogProvider>();
        var cut = RenderSection(Photo, Invoice);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("li.receipt").Count));

        await cut.InvokeAsync(() => cut.Find("[aria-label='Delete receipt invoice.pdf']").Click())
            .WaitAsync(Xunit.TestContext.Current.CancellationToken);

        provider.WaitForAssertion(() => Assert.Contains("Delete this receipt?", provider.Markup));
        Assert.Contains("“invoice.pdf” will be removed", provider.Markup);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Delete);

        await provider.Button("Delete").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.receipt")));
        Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/api/receipts/2");
        Assert.Equal("corner grocer.png", cut.Find("li.receipt img").GetAttribute("alt"));
    }

    [Fact]
    public void ANewTransactionAsksToBeSavedFirst()
    {
        var cut = Render<ReceiptsSection>(p => p.Add(s => s.TransactionId, (long?)null));

        Assert.Contains("Save first to attach receipts.", cut.Markup);
        Assert.Empty(cut.FindAll("input[type=file]"));
        Assert.Empty(Api.Requests);
    }
}
