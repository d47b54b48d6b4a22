using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Files that are not receipts, too big, empty or badly sent get 4xx problem details and leave nothing behind.</summary>
public sealed class ReceiptRejectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int MaxBytes = 10 * 1024 * 1024;

    public static TheoryData<string, byte[], string> NotReceipts => new()
    {
        { "invoice.jpg", [.. "MZ"u8, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF], "image/jpeg" },
        { "receipt.png", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>fetch('/api/accounts')</script></html>"), "image/png" },
        { "receipt.svg", Encoding.UTF8.GetBytes("""<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>"""), "image/svg+xml" },
        { "receipt.heic", ReceiptSamples.Heic(brand: "avif"), "image/heic" },
        { "receipt.webp", [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WAVEfmt "u8], "image/webp" },
        { "receipt.pdf", "%PD"u8.ToArray(), "application/pdf" },
    };

    [Theory]
    [MemberData(nameof(NotReceipts))]
    public async Task AFileThatIsNotAnImageOrPdfIs415WhateverItClaims(string fileName, byte[] file, string claimedType)
    {
        var (client, transactionId) = await NewTransactionAsync();

        var response = await client.UploadReceiptAsync(transactionId, file, fileName, claimedType);

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, "file");
        await AssertNothingStoredAsync(client, transactionId);
    }

    [Fact]
    public async Task AFileOneByteOverTheLimitIs413AndNothingIsStored()
    {
        var (client, transactionId) = await NewTransactionAsync();

        var response = await client.UploadReceiptAsync(transactionId, ReceiptSamples.JpegOfSize(MaxBytes + 1), "big.jpg");

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "file");
        await AssertNothingStoredAsync(client, transactionId);
    }

    [Fact]
    public async Task AFileOfExactlyTheLimitIsStoredByteExact()
    {
        var (client, transactionId) = await NewTransactionAsync();
        var file = ReceiptSamples.JpegOfSize(MaxBytes);

        var receipt = await client.AddReceiptAsync(transactionId, file);

        Assert.Equal(MaxBytes, receipt.Size);
        Assert.Equal(file, await client.GetByteArrayAsync($"/api/receipts/{receipt.Id}/content"));
    }

    [Fact]
    public async Task AnEmptyFileIs400NamingTheFileField()
    {
        var (client, transactionId) = await NewTransactionAsync();

        await (await client.UploadReceiptAsync(transactionId, [], "empty.pdf")).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await AssertNothingStoredAsync(client, transactionId);
    }

    [Fact]
    public async Task AnUploadWithoutAFileFieldIs400AndABodyThatIsNotMultipartIs415()
    {
        var (client, transactionId) = await NewTransactionAsync();
        var url = $"/api/transactions/{transactionId}/receipts";
        var wrongField = new MultipartFormDataContent { { new ByteArrayContent(ReceiptSamples.Png()), "photo", "a.png" } };

        await (await client.PostAsync(url, wrongField)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await (await client.PostAsync(url, new ByteArrayContent(ReceiptSamples.Png()))).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await (await client.PostAsJsonAsync(url, new { file = "iVBORw0KGgo=" })).AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        await AssertNothingStoredAsync(client, transactionId);
    }

    [Fact]
    public async Task ATruncatedMultipartBodyIs400()
    {
        var (client, transactionId) = await NewTransactionAsync();
        var content = new ByteArrayContent([.. "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n"u8, .. ReceiptSamples.Png()]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        await (await client.PostAsync($"/api/transactions/{transactionId}/receipts", content)).AssertProblemAsync(HttpStatusCode.BadRequest, "file");
        await AssertNothingStoredAsync(client, transactionId);
    }

    private async Task<(HttpClient Client, long TransactionId)> NewTransactionAsync()
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -1m);
        return (client, t.Id);
    }

    /// <summary>No row, no reservation left in the outbox, and (for the user's own prefix) no blob.</summary>
    private async Task AssertNothingStoredAsync(HttpClient client, long transactionId)
    {
        Assert.Empty(await client.ListReceiptsAsync(transactionId));
        var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM transactions WHERE id = @id", ("@id", transactionId));
        Assert.Empty(await api.ReceiptsContainer.BlobNamesAsync(userId));
        Assert.Equal(0, await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')", ("@userId", userId)));
    }
}
