using System.Diagnostics;
using Azure;
using Dapper;
using FinanceTracker.Api.Infrastructure;
using Microsoft.Extensions.Options;
using MySqlConnector;
using OpenTelemetry;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// Retries the blob deletions that could not happen right away (storage down, a crash mid-upload).
/// Safe with several replicas: each batch is claimed with FOR UPDATE SKIP LOCKED, and deleting a
/// blob that is already gone succeeds.
/// </summary>
internal sealed partial class BlobDeletionSweeper(
    MySqlDataSource dataSource, ReceiptBlobs blobs, IOptions<ReceiptOptions> options, ILogger<BlobDeletionSweeper> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each sweep is a trace of its own, never a child of whatever was current when the host started.
        Activity.Current = null;
        using var timer = new PeriodicTimer(options.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await SweepAsync(stoppingToken);
        }
    }

    /// <summary>One tick: a silent look for due rows, then, only when there are some, a traced sweep.</summary>
    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        Activity? activity = null;
        try
        {
            if (!await AnyDueAsync(stoppingToken))
            {
                return;
            }
            activity = ApiActivities.Source.StartActivity("Sweep receipt blobs");
            var (swept, batch) = (0, 0);
            do
            {
                batch = await SweepBatchAsync(stoppingToken);
                swept += batch;
            }
            while (batch == BatchSize);
            activity?.SetTag("financetracker.receipts.blobs_deleted", swept);
        }
        catch (Exception ex) when (ex is MySqlException or RequestFailedException or AggregateException
                                       || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // Storage or the database is down: the rows stay queued for the next tick.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogSweepFailed(ex.Message);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    /// <summary>
    /// Whether any deletion is due, asked with instrumentation suppressed: an idle poll every 30 s would
    /// otherwise put a parentless database span, a root trace, in the dashboard each time.
    /// </summary>
    private async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM pending_blob_deletions WHERE due_at <= UTC_TIMESTAMP(6))", cancellationToken: cancellationToken));
    }

    /// <summary>Deletes one batch of due blobs; returns how many were claimed.</summary>
    private async Task<int> SweepBatchAsync(CancellationToken cancellationToken)
    {
        const string claim = """
            SELECT id, blob_name FROM pending_blob_deletions WHERE due_at <= UTC_TIMESTAMP(6)
            ORDER BY due_at LIMIT @take FOR UPDATE SKIP LOCKED
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var due = (await connection.QueryAsync<(long Id, string BlobName)>(
            new CommandDefinition(claim, new { take = BatchSize }, transaction, cancellationToken: cancellationToken))).ToList();
        if (due.Count == 0)
        {
            return 0;
        }
        // One at a time while the rows stay locked: an upload whose reservation this is waits to learn it lost its blob.
        foreach (var (_, blobName) in due)
        {
            await blobs.DeleteAsync(blobName, cancellationToken);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM pending_blob_deletions WHERE id IN @ids", new { ids = due.Select(d => d.Id) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        LogSwept(due.Count);
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} queued receipt blobs")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receipt blob sweep failed, retrying on the next tick: {Reason}")]
    private partial void LogSweepFailed(string reason);
}
