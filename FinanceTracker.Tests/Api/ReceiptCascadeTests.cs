using System.Net;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Deleting a receipt, a transaction or an account deletes the receipts' rows and blobs: storage is listed to prove it.</summary>
public sealed class ReceiptCascadeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task DeletingATransactionDeletesItsReceiptsRowsAndBlobsOnly()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var (doomed, kept) = (await client.CreateTransactionAsync(account.Id, -1m), await client.CreateTransactionAsync(account.Id, -2m));
        var gone = new[] { await client.AddReceiptAsync(doomed.Id, ReceiptSamples.Jpeg()), await client.AddReceiptAsync(doomed.Id, ReceiptSamples.Pdf()) };
        var stays = await client.AddReceiptAsync(kept.Id, ReceiptSamples.Png());
        var userId = await api.OwnerOfReceiptAsync(stays.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/transactions/{doomed.Id}")).StatusCode);

        Assert.Equal([$"{userId}/{stays.Id}"], await api.ReceiptsContainer.BlobNamesAsync(userId));
        foreach (var receipt in gone)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/receipts/{receipt.Id}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/transactions/{doomed.Id}/receipts")).StatusCode);
        Assert.Equal([stays], await client.ListReceiptsAsync(kept.Id));
        await AssertOutboxEmptyAsync(userId);
    }

    [Fact]
    public async Task DeletingAnAccountDeletesTheReceiptsOfAllItsTransactions()
    {
        var client = await api.NewUserClientAsync();
        var (doomed, kept) = (await client.CreateAccountAsync("Old"), await client.CreateAccountAsync("Kept"));
        foreach (var amount in new[] { -1m, -2m, -3m })
        {
            var t = await client.CreateTransactionAsync(doomed.Id, amount);
            await client.AddReceiptAsync(t.Id, ReceiptSamples.Heic());
            await client.AddReceiptAsync(t.Id, ReceiptSamples.WebP());
        }
        var keptTransaction = await client.CreateTransactionAsync(kept.Id, -4m);
        var stays = await client.AddReceiptAsync(keptTransaction.Id, ReceiptSamples.Jpeg());
        var userId = await api.OwnerOfReceiptAsync(stays.Id);
        Assert.Equal(7, (await api.ReceiptsContainer.BlobNamesAsync(userId)).Count);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/accounts/{doomed.Id}")).StatusCode);

        Assert.Equal([$"{userId}/{stays.Id}"], await api.ReceiptsContainer.BlobNamesAsync(userId));
        Assert.Equal(1, await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM receipts WHERE user_id = @userId", ("@userId", userId)));
        await AssertOutboxEmptyAsync(userId);
    }

    [Fact]
    public async Task DeletingAReceiptDeletesItsBlob()
    {
        var client = await api.NewUserClientAsync();
        var t = await client.CreateTransactionAsync((await client.CreateAccountAsync()).Id, -1m);
        var receipt = await client.AddReceiptAsync(t.Id, ReceiptSamples.Png());
        var userId = await api.OwnerOfReceiptAsync(receipt.Id);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/receipts/{receipt.Id}")).StatusCode);

        Assert.Empty(await api.ReceiptsContainer.BlobNamesAsync(userId));
        Assert.Empty(await client.ListReceiptsAsync(t.Id));
        await AssertOutboxEmptyAsync(userId);
    }

    private async Task AssertOutboxEmptyAsync(long userId) =>
        Assert.Equal(0, await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')", ("@userId", userId)));
}
