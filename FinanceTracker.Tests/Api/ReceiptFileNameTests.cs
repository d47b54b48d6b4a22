using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>The client's file name is metadata: stored harmlessly, returned escaped, never a path.</summary>
public sealed class ReceiptFileNameTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("filename=\"..\\\\..\\\\Windows\\\\System32\\\\evil.png\"", "evil.png")]
    [InlineData("filename*=UTF-8''a%00b%0D%0Ac%07%1B%5B31m.png", "abc[31m.png")]
    [InlineData("filename*=UTF-8''invoice%E2%80%AEgnp.exe", "invoicegnp.exe")]
    [InlineData("filename*=UTF-8''..%2F..%2F%2E%2E", "receipt")]
    [InlineData("filename=\"   \"", "receipt")]
    [InlineData("filename=\"<img src=x onerror=alert(1)>.png\"", "<img src=x onerror=alert(1)>.png")]
    [InlineData("filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe", "a\"; filename=\"evil.exe")]
    [InlineData("filename*=UTF-8''Kassenbon%20B%C3%A4ckerei%20%F0%9F%A5%90.png", "Kassenbon Bäckerei 🥐.png")]
    public async Task HostileFileNamesAreStoredAsAHarmlessLastSegment(string dispositionParameters, string stored)
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -1m);

        var response = await client.UploadRawReceiptAsync(t.Id, dispositionParameters, ReceiptSamples.Png());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(json, char.IsControl);
        var receipt = (await response.Content.ReadFromJsonAsync<Receipt>())!;
        Assert.Equal(stored, receipt.FileName);
        Assert.Equal(stored, (await client.ListReceiptsAsync(t.Id)).Single().FileName);
        var disposition = (await client.GetAsync($"/api/receipts/{receipt.Id}/content")).Content.Headers.ContentDisposition!;
        Assert.Equal(("inline", stored), (disposition.DispositionType, disposition.FileNameStar));
        Assert.Equal(await api.OwnerOfReceiptAsync(receipt.Id) + "/" + receipt.Id,
            (await api.ReceiptsContainer.BlobNamesAsync(await api.OwnerOfReceiptAsync(receipt.Id))).Single());
    }

    [Fact]
    public async Task AVeryLongFileNameIsCutTo255Characters()
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -1m);

        var receipt = await client.AddReceiptAsync(t.Id, ReceiptSamples.Png(), new string('x', 1000) + ".png");

        Assert.Equal(new string('x', 255), receipt.FileName);
    }
}
