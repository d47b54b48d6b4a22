using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// An oversized upload is cut off, not read to its end. Only a real socket shows how much of a body
/// the server took (the in-memory test server drains every body), so these run the Api on Kestrel.
/// </summary>
public sealed class ReceiptUploadLimitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const long MaxBytes = 10 * 1024 * 1024;
    private const long BodyBytes = 100L * 1024 * 1024;

    [Fact]
    public async Task ADeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsRead()
    {
        var (status, sent) = await UploadToKestrelAsync(chunked: false);

        Assert.Equal(413, status);
        Assert.True(sent < MaxBytes, $"The connection took {sent} bytes of a body the server should refuse unread.");
    }

    [Fact]
    public async Task AChunkedUploadIsCutOffSoonAfterTheLimit()
    {
        var (status, sent) = await UploadToKestrelAsync(chunked: true);

        Assert.Equal(413, status);
        Assert.True(sent < BodyBytes / 4, $"The connection took {sent} of {BodyBytes} bytes: the server kept reading past the limit.");
    }

    private async Task<(int Status, long Sent)> UploadToKestrelAsync(bool chunked)
    {
        var owner = await api.NewUserClientAsync();
        var t = await owner.CreateTransactionAsync((await owner.CreateAccountAsync()).Id, -1m);
        await using var kestrel = new ApiFactory(api.App);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = kestrel.CreateClient();

        var result = await HugeUpload.PostAsync(
            client.BaseAddress!, $"/api/transactions/{t.Id}/receipts", owner.DefaultRequestHeaders.Authorization!.Parameter!, BodyBytes, chunked);

        TestContext.Current.TestOutputHelper?.WriteLine($"{(chunked ? "chunked" : "declared length")}: {result.BytesSent} bytes taken, status {result.Status}");
        Assert.Empty(await owner.ListReceiptsAsync(t.Id));
        return result;
    }
}
