using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FinanceTracker.Tests.Api;

/// <summary>Row and blob stay consistent when an upload races a delete, and when an upload never finishes.</summary>
public sealed class ReceiptConsistencyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task ATransactionEditedAndDeletedWhileItsReceiptUploadsEndsWithNeitherRowNorBlob()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -8m);
        var userId = await UserIdAsync(await client.AddReceiptAsync(t.Id, ReceiptSamples.Png()));
        var body = new GatedUploadContent(ReceiptSamples.JpegOfSize(3 * 1024 * 1024), sendFirst: 64 * 1024);

        // A client without the factory's redirect handler, which would buffer the whole body before sending it.
        using var streaming = api.Factory.CreateDefaultClient();
        streaming.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var upload = streaming.PostAsync($"/api/transactions/{t.Id}/receipts", body);
        await body.Started;
        await WaitForReservationAsync(userId);

        // The upload holds no lock and no connection: the transaction can be edited and deleted meanwhile.
        var stopwatch = Stopwatch.StartNew();
        var edit = await client.PutAsJsonAsync($"/api/transactions/{t.Id}", new { accountId = account.Id, date = t.Date, amount = -9m, version = t.Version });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{t.Id}")).StatusCode);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"Edit and delete waited {stopwatch.Elapsed.TotalSeconds:0.0} s for the upload.");
        body.Release();

        Assert.Equal(HttpStatusCode.NotFound, (await upload).StatusCode);
        Assert.Empty(await api.ReceiptsContainer.BlobNamesAsync(userId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM receipts WHERE user_id = @userId", userId));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')", userId));
    }

    [Fact]
    public async Task ABlobLeftByAnUploadThatNeverFinishedIsSweptWhenItsReservationExpires()
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -1m);
        var kept = await client.AddReceiptAsync(t.Id, ReceiptSamples.Pdf());
        var userId = await UserIdAsync(kept);
        // What a crash after the blob upload and before the commit leaves: a blob, and its reservation, now due.
        var stranded = $"{userId}/{kept.Id + 1_000_000}";
        await api.ReceiptsContainer.GetBlobClient(stranded).UploadAsync(new BinaryData(ReceiptSamples.Jpeg()));
        await api.Database.ScalarAsync<long>(
            "INSERT INTO pending_blob_deletions (blob_name, due_at) VALUES (@name, UTC_TIMESTAMP(6) - INTERVAL 1 MINUTE)", ("@name", stranded));

        await using var replica = api.Factory.WithWebHostBuilder(b => b.UseSetting("Receipts:SweepInterval", "00:00:01"));
        Assert.Equal(HttpStatusCode.OK, (await replica.CreateClient().GetAsync("/alive")).StatusCode);

        // The sweeper deletes the blob, then its outbox row: wait for both, not only the first.
        const string outbox = "SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (((await api.ReceiptsContainer.BlobNamesAsync(userId)).Contains(stranded) || await CountAsync(outbox, userId) > 0)
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }
        Assert.Equal([$"{userId}/{kept.Id}"], await api.ReceiptsContainer.BlobNamesAsync(userId));
        Assert.Equal(0, await CountAsync(outbox, userId));
    }

    private Task<long> UserIdAsync(Receipt receipt) => api.OwnerOfReceiptAsync(receipt.Id);

    private Task<long> CountAsync(string sql, long userId) => api.Database.ScalarAsync<long>(sql, ("@userId", userId));

    /// <summary>The server has sniffed the file and reserved its blob name: the upload proper is under way.</summary>
    private async Task WaitForReservationAsync(long userId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await CountAsync("SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')", userId) == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The upload never reached its reservation.");
            await Task.Delay(50);
        }
    }
}
