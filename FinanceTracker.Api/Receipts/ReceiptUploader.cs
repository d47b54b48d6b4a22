using Dapper;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// One upload, streamed: check the transaction, sniff the first bytes, reserve the blob name in the
/// outbox, stream the rest to storage with no DB transaction open, then add the row and drop the
/// reservation together. A failed upload leaves neither row nor blob; a crash leaves a reservation
/// that the sweeper turns into a deletion an hour later.
/// </summary>
internal sealed partial class ReceiptUploader(
    MySqlDataSource dataSource, ReceiptBlobs blobs, IOptions<ReceiptOptions> options, ILogger<ReceiptUploader> logger)
{
    private const int ReservationMinutes = 60;
    private static readonly TimeSpan DiscardBudget = TimeSpan.FromSeconds(3);

    public async Task<Results<Created<ReceiptResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UploadAsync(
        long userId, long transactionId, HttpRequest request, CancellationToken cancellationToken)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (!await ReceiptsApi.TransactionExistsAsync(connection, null, userId, transactionId))
            {
                return TypedResults.NotFound();
            }
        }
        if (MultipartFile.Boundary(request) is not { } boundary)
        {
            return ReceiptProblems.NotMultipart();
        }
        var maxBytes = options.Value.MaxBytes;
        try
        {
            if (await MultipartFile.FindAsync(boundary, request.Body, cancellationToken) is not (var section, var fileName))
            {
                return Problems.Invalid(MultipartFile.FieldName, "Attach the receipt as a multipart/form-data file field named 'file'.");
            }
            var head = new byte[ContentSniffer.HeaderLength];
            var headLength = await section.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            if (headLength == 0)
            {
                return Problems.Invalid(MultipartFile.FieldName, "The file is empty.");
            }
            if (ContentSniffer.Detect(head.AsSpan(0, headLength)) is not { } contentType)
            {
                return ReceiptProblems.UnsupportedType();
            }

            var content = new SizeLimitedStream(head.AsMemory(0, headLength), section.Body, maxBytes);
            var row = await StoreAsync(userId, transactionId, ReceiptFileName.Clean(fileName), contentType, content, cancellationToken);
            return row is null
                ? TypedResults.NotFound()
                : TypedResults.Created($"/api/receipts/{row.Id}", row.ToResponse());
        }
        catch (ReceiptTooLargeException)
        {
            // The rest of the body is never read: closing the connection tells the client to stop sending it.
            request.HttpContext.Response.Headers.Connection = "close";
            return ReceiptProblems.TooLarge(maxBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException and not BadHttpRequestException))
        {
            return Problems.Invalid(MultipartFile.FieldName, "The multipart body is malformed or ended early.");
        }
    }

    /// <summary>The stored row, or null when the transaction was deleted while its receipt was uploading.</summary>
    private async Task<ReceiptRow?> StoreAsync(
        long userId, long transactionId, string fileName, string contentType, SizeLimitedStream content, CancellationToken cancellationToken)
    {
        await blobs.EnsureContainerAsync(cancellationToken);
        var (receiptId, reservationId) = await ReserveAsync(userId, cancellationToken);
        var blobName = ReceiptBlobs.BlobName(userId, receiptId);
        try
        {
            await blobs.UploadAsync(blobName, content, contentType, cancellationToken);
            var row = await CommitAsync(userId, transactionId, receiptId, reservationId, blobName, fileName, contentType, content.BytesRead);
            if (row is null)
            {
                await DiscardAsync(blobName, reservationId);
            }
            return row;
        }
        catch
        {
            await DiscardAsync(blobName, reservationId);
            throw;
        }
    }

    private async Task<(long ReceiptId, long ReservationId)> ReserveAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var receiptId = await connection.ExecuteScalarAsync<long>("SELECT NEXTVAL(receipt_ids)");
        var reservationId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO pending_blob_deletions (blob_name, due_at) VALUES (@blobName, UTC_TIMESTAMP(6) + INTERVAL @minutes MINUTE);
            SELECT LAST_INSERT_ID();
            """, new { blobName = ReceiptBlobs.BlobName(userId, receiptId), minutes = ReservationMinutes });
        return (receiptId, reservationId);
    }

    /// <summary>The row and the end of the reservation in one DB transaction; null when the transaction is gone.</summary>
    private async Task<ReceiptRow?> CommitAsync(
        long userId, long transactionId, long receiptId, long reservationId, string blobName, string fileName, string contentType, long size)
    {
        // Not cancellable: once the blob is up, the client leaving must not strand it half-recorded.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        if (!await ReceiptsApi.TransactionExistsAsync(connection, transaction, userId, transactionId, lockShared: true))
        {
            return null;
        }
        if (await connection.ExecuteAsync("DELETE FROM pending_blob_deletions WHERE id = @reservationId", new { reservationId }, transaction) == 0)
        {
            // Only after an upload of over an hour: the sweeper has claimed the blob.
            throw new TimeoutException("The upload outlived its reservation.");
        }
        await connection.ExecuteAsync("""
            INSERT INTO receipts (id, user_id, transaction_id, blob_name, file_name, content_type, size)
            VALUES (@receiptId, @userId, @transactionId, @blobName, @fileName, @contentType, @size)
            """, new { receiptId, userId, transactionId, blobName, fileName, contentType, size }, transaction);
        var row = await ReceiptsApi.FindAsync(connection, transaction, userId, receiptId);
        await transaction.CommitAsync();
        return row;
    }

    /// <summary>Best effort: the reservation stays (and the sweeper deletes the blob) when this fails.</summary>
    private async Task DiscardAsync(string blobName, long reservationId)
    {
        using var budget = new CancellationTokenSource(DiscardBudget);
        try
        {
            await blobs.DeleteAsync(blobName, budget.Token);
            await using var connection = await dataSource.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM pending_blob_deletions WHERE id = @reservationId", new { reservationId });
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or OperationCanceledException or MySqlException)
        {
            LogDiscardDeferred(blobName, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} of a failed upload is left to the sweeper: {Reason}")]
    private partial void LogDiscardDeferred(string blobName, string reason);
}
