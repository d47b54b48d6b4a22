using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class ReceiptTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("jpeg", "image/jpeg")]
    [InlineData("png", "image/png")]
    [InlineData("webp", "image/webp")]
    [InlineData("heic", "image/heic")]
    [InlineData("pdf", "application/pdf")]
    public async Task EachSupportedTypeRoundTripsByteExactWithTheTypeItsBytesShow(string kind, string contentType)
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -12m);
        var file = ReceiptSamples.Sample(kind);

        // The claimed type and extension are deliberately wrong: only the bytes count.
        var response = await client.UploadReceiptAsync(t.Id, file, $"scan.{kind}.txt", "text/plain");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<Receipt>())!;
        Assert.Equal($"/api/receipts/{receipt.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal((t.Id, $"scan.{kind}.txt", contentType, (long)file.Length), (receipt.TransactionId, receipt.FileName, receipt.ContentType, receipt.Size));
        Assert.InRange(receipt.UploadedAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(5));
        Assert.Equal([receipt], await client.ListReceiptsAsync(t.Id));
        Assert.Equal(receipt, await client.GetFromJsonAsync<Receipt>(response.Headers.Location));

        var download = await client.GetAsync($"/api/receipts/{receipt.Id}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(contentType, download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task DownloadIsInlineUnderTheOriginalNameEncodedAndNeverSniffed()
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -3m);
        var receipt = await client.AddReceiptAsync(t.Id, ReceiptSamples.Pdf(), "Quittung Müller & Söhne €.pdf");

        var download = await client.GetAsync($"/api/receipts/{receipt.Id}/content");

        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Quittung Müller & Söhne €.pdf", disposition.FileNameStar);
        // An ASCII stand-in for old clients, then the exact name percent-encoded as UTF-8 (RFC 6266).
        Assert.Equal("inline; filename=\"Quittung M_ller & S_hne _.pdf\"; filename*=UTF-8''Quittung%20M%C3%BCller%20&%20S%C3%B6hne%20%E2%82%AC.pdf",
            download.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        Assert.Equal(ReceiptSamples.Pdf().Length, download.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task TransactionsCountTheirReceiptsInTheListAndTheItem()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var two = await client.CreateTransactionAsync(account.Id, -1m, date: "2026-03-02");
        var none = await client.CreateTransactionAsync(account.Id, -2m, date: "2026-03-01");
        var first = await client.AddReceiptAsync(two.Id, ReceiptSamples.Jpeg());
        var second = await client.AddReceiptAsync(two.Id, ReceiptSamples.Png(), "second.png");

        var page = await client.ListTransactionsAsync();
        Assert.Equal([(two.Id, 2), (none.Id, 0)], page.Items.Select(x => (x.Id, x.ReceiptCount)));
        Assert.Equal(2, (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{two.Id}"))!.ReceiptCount);
        Assert.Equal([first.Id, second.Id], (await client.ListReceiptsAsync(two.Id)).Select(r => r.Id));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/receipts/{first.Id}")).StatusCode);
        Assert.Equal(1, (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{two.Id}"))!.ReceiptCount);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/receipts/{first.Id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/receipts/{first.Id}")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownTransactionCannotReceiveOrListReceipts()
    {
        var client = await api.NewUserClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.UploadReceiptAsync(999_999_999, ReceiptSamples.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/transactions/999999999/receipts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/receipts/999999999")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheUploadFormAndTheReceiptEndpoints()
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var form = paths.GetProperty("/api/transactions/{id}/receipts").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        Assert.Equal("binary", form.GetProperty("properties").GetProperty("file").GetProperty("format").GetString());
        Assert.True(paths.TryGetProperty("/api/receipts/{id}/content", out _));
        Assert.True(paths.TryGetProperty("/api/receipts/{id}", out _));
    }
}
