using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Another person's receipts and transactions answer like ids that don't exist, on every verb, and stay intact.</summary>
public sealed class ReceiptIsolationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AnotherUsersReceiptsAreNotFoundOnEveryVerbAndStayIntact()
    {
        var (owner, intruder) = (await api.NewUserClientAsync(), await api.NewUserClientAsync());
        var t = await owner.CreateTransactionAsync((await owner.CreateAccountAsync()).Id, -9m);
        var file = ReceiptSamples.Jpeg();
        var receipt = await owner.AddReceiptAsync(t.Id, file);
        await intruder.CreateTransactionAsync((await intruder.CreateAccountAsync()).Id, -1m);

        Assert.Equal(HttpStatusCode.NotFound, (await intruder.UploadReceiptAsync(t.Id, ReceiptSamples.Png())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/transactions/{t.Id}/receipts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/receipts/{receipt.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.GetAsync($"/api/receipts/{receipt.Id}/content")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await intruder.DeleteAsync($"/api/receipts/{receipt.Id}")).StatusCode);

        Assert.Equal([receipt], await owner.ListReceiptsAsync(t.Id));
        Assert.Equal(file, await owner.GetByteArrayAsync($"/api/receipts/{receipt.Id}/content"));
        Assert.Equal(1, (await owner.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"))!.ReceiptCount);
        var ownerId = await api.OwnerOfReceiptAsync(receipt.Id);
        Assert.Equal([$"{ownerId}/{receipt.Id}"], await api.ReceiptsContainer.BlobNamesAsync(ownerId));
    }

    [Theory]
    [InlineData("POST", "/api/transactions/1/receipts", "multipart")]
    [InlineData("POST", "/api/transactions/1/receipts", "json")]
    [InlineData("GET", "/api/transactions/1/receipts", null)]
    [InlineData("GET", "/api/receipts/1", null)]
    [InlineData("GET", "/api/receipts/1/content", null)]
    [InlineData("DELETE", "/api/receipts/1", null)]
    public async Task WithoutATokenEveryReceiptEndpointAnswers401(string method, string path, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body switch
            {
                "multipart" => new MultipartFormDataContent { { new ByteArrayContent(ReceiptSamples.Png()), "file", "a.png" } },
                "json" => JsonContent.Create(new { file = "a.png" }),
                _ => null,
            },
        };

        var response = await api.AnonymousClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
