using System.Collections.Concurrent;
using Azure;
using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// The outbox that keeps blobs from outliving their rows: the blob names are queued in the same DB
/// transaction that deletes the rows, deleted right after the commit when storage answers, and
/// otherwise retried by <see cref="BlobDeletionSweeper"/> (on any replica) until they are gone.
/// </summary>
internal sealed partial class BlobDeletions(MySqlDataSource dataSource, ReceiptBlobs blobs, ILogger<BlobDeletions> logger)
{
    // Deleting after the commit must not hold the response for long; what is left waits for the sweeper.
    private static readonly TimeSpan ImmediateBudget = TimeSpan.FromSeconds(3);

    public static Task<IReadOnlyList<string>> QueueReceiptAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long receiptId) =>
        QueueAsync(connection, transaction, "FROM receipts WHERE id = @id AND user_id = @userId", new { id = receiptId, userId });

    public static Task<IReadOnlyList<string>> QueueTransactionAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long transactionId) =>
        QueueAsync(connection, transaction, "FROM receipts WHERE user_id = @userId AND transaction_id = @id", new { id = transactionId, userId });

    /// <summary>Also locks the account's transactions, so no receipt is attached between this and the cascade.</summary>
    public static async Task<IReadOnlyList<string>> QueueAccountAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long accountId)
    {
        await connection.ExecuteAsync(
            "SELECT COUNT(*) FROM transactions WHERE user_id = @userId AND account_id = @accountId FOR UPDATE", new { userId, accountId }, transaction);
        return await QueueAsync(connection, transaction,
            "FROM receipts r JOIN transactions t ON t.id = r.transaction_id WHERE r.user_id = @userId AND t.user_id = @userId AND t.account_id = @id",
            new { id = accountId, userId });
    }

    /// <summary>The receipts of the transactions an import added (the caller has locked those rows).</summary>
    public static Task<IReadOnlyList<string>> QueueImportAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long importId) =>
        QueueAsync(connection, transaction,
            "FROM receipts r JOIN transactions t ON t.id = r.transaction_id WHERE r.user_id = @userId AND t.user_id = @userId AND t.import_id = @id",
            new { id = importId, userId });

    /// <summary>Every receipt of a person whose account is being deleted.</summary>
    public static Task<IReadOnlyList<string>> QueueUserAsync(MySqlConnection connection, MySqlTransaction transaction, long userId) =>
        QueueAsync(connection, transaction, "FROM receipts WHERE user_id = @userId", new { userId });

    /// <summary>Best effort, right after the commit: deletes the blobs and forgets those that are gone.</summary>
    public async Task DeleteNowAsync(IReadOnlyCollection<string> blobNames)
    {
        if (blobNames.Count == 0)
        {
            return;
        }
        var deleted = new ConcurrentBag<string>();
        using var budget = new CancellationTokenSource(ImmediateBudget);
        try
        {
            await Parallel.ForEachAsync(blobNames, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = budget.Token },
                async (name, cancellationToken) =>
                {
                    await blobs.DeleteAsync(name, cancellationToken);
                    deleted.Add(name);
                });
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or OperationCanceledException)
        {
            // Whatever storage answered, the names stay queued for the sweeper.
            LogDeferred(blobNames.Count - deleted.Count, ex.Message);
        }
        if (deleted.IsEmpty)
        {
            return;
        }
        try
        {
            await ForgetAsync(deleted.ToList());
        }
        catch (MySqlException ex)
        {
            // The sweeper finds the rows still queued, and deleting a deleted blob is harmless.
            LogDeferred(deleted.Count, ex.Message);
        }
    }

    private static async Task<IReadOnlyList<string>> QueueAsync(MySqlConnection connection, MySqlTransaction transaction, string from, object parameters)
    {
        // A locking read sees (and holds) the latest rows, the ones the delete that follows will remove.
        var names = (await connection.QueryAsync<string>($"SELECT blob_name {from} FOR UPDATE", parameters, transaction)).ToList();
        if (names.Count > 0)
        {
            await connection.ExecuteAsync($"INSERT INTO pending_blob_deletions (blob_name) SELECT blob_name {from}", parameters, transaction);
        }
        return names;
    }

    private async Task ForgetAsync(List<string> blobNames)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var chunk in blobNames.Chunk(1000))
        {
            await connection.ExecuteAsync("DELETE FROM pending_blob_deletions WHERE blob_name IN @chunk", new { chunk });
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} receipt blob deletions left to the sweeper: {Reason}")]
    private partial void LogDeferred(int count, string reason);
}
