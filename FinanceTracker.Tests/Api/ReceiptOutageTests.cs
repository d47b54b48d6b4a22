using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FinanceTracker.Tests.Api;

/// <summary>Azurite is really stopped and started again, so these run alone (see <see cref="ServerOutages"/>).</summary>
[Collection(ServerOutages.Name)]
public sealed class ReceiptOutageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WithBlobStorageDownReceiptsAnswer503PromptlyTheRestWorksAndRecoveryNeedsNoRestart()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -5m);
        var doomed = await client.CreateTransactionAsync(account.Id, -6m);
        var receipt = await client.AddReceiptAsync(t.Id, ReceiptSamples.Jpeg());
        var orphanCandidate = await client.AddReceiptAsync(doomed.Id, ReceiptSamples.Png());
        var userId = await api.OwnerOfReceiptAsync(receipt.Id);

        await api.App.StopAsync("storage");
        try
        {
            var upload = await TimedAsync(() => client.UploadReceiptAsync(t.Id, ReceiptSamples.Pdf(), "down.pdf"));
            await upload.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            await (await TimedAsync(() => client.GetAsync($"/api/receipts/{receipt.Id}/content"))).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);

            // Metadata lives in MariaDB, and deletes queue their blobs in the outbox: none of these needs storage.
            Assert.Equal([receipt], await client.ListReceiptsAsync(t.Id));
            Assert.Equal(HttpStatusCode.OK, (await TimedAsync(() => client.GetAsync("/api/accounts"))).StatusCode);
            Assert.Equal(1, (await client.ListTransactionsAsync()).Items.Single(x => x.Id == t.Id).ReceiptCount);
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/transactions", new { accountId = account.Id, date = "2026-05-01", amount = -1m })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await TimedAsync(() => client.DeleteAsync($"/api/transactions/{doomed.Id}"))).StatusCode);
            Assert.Equal("Degraded", await BlobHealthAsync());
        }
        finally
        {
            await api.App.StartAsync("storage");
        }

        var recovered = await Eventually.TrueAsync(async () => await client.UploadReceiptAsync(t.Id, ReceiptSamples.Pdf(), "back.pdf") is { StatusCode: HttpStatusCode.Created });
        Assert.True(recovered, "Uploads did not work again within 30 s of storage coming back.");
        Assert.Equal(ReceiptSamples.Jpeg().Length, (await client.GetByteArrayAsync($"/api/receipts/{receipt.Id}/content")).Length);
        Assert.True(await Eventually.TrueAsync(async () => await BlobHealthAsync() == "Healthy"), "/health did not report storage healthy again.");

        // The blob of the transaction deleted during the outage is swept once storage is back, here by a second replica.
        await using var replica = api.Factory.WithWebHostBuilder(b => b.UseSetting("Receipts:SweepInterval", "00:00:01"));
        using var replicaClient = replica.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await replicaClient.GetAsync("/alive")).StatusCode);
        var blobName = $"{userId}/{orphanCandidate.Id}";
        Assert.True(await Eventually.TrueAsync(async () => !(await api.ReceiptsContainer.BlobNamesAsync(userId)).Contains(blobName)),
            $"{blobName} outlived its transaction.");
        Assert.True(await Eventually.TrueAsync(async () => await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name = @name", ("@name", blobName)) == 0), "The outbox row was not removed.");
    }

    /// <summary>Runs the call and asserts it answered within <see cref="Prompt"/>, whatever it answered.</summary>
    private static async Task<HttpResponseMessage> TimedAsync(Func<Task<HttpResponseMessage>> call)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await call();
        Assert.True(stopwatch.Elapsed < Prompt, $"The call took {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        return response;
    }

    private async Task<string> BlobHealthAsync()
    {
        using var health = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/health"));
        return health.RootElement.GetProperty("checks").GetProperty("AzureBlobStorage_receipts").GetString()!;
    }
}
