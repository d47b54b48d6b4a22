using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// One upload, streamed: check the transaction, sniff the first bytes, reserve the blob name, stream
/// the rest to storage with no DB transaction open (a slow client holds no lock or connection), then
/// record the row. A failed upload leaves neither row nor blob.
/// </summary>
internal sealed partial class ReceiptUploader(
    MySqlDataSource dataSource, ReceiptBlobs blobs, ReceiptMetrics metrics, IOptions<ReceiptOptions> options, ILogger<ReceiptUploader> logger)
{
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
            if (row is null)
            {
                return TypedResults.NotFound();
            }
            metrics.Uploaded(row.ContentType, row.Size);
            return TypedResults.Created($"/api/receipts/{row.Id}", row.ToResponse());
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
        var (receiptId, reservationId) = await UploadReservation.ReserveAsync(dataSource, userId, cancellationToken);
        var blobName = ReceiptBlobs.BlobName(userId, receiptId);
        try
        {
            await blobs.UploadAsync(blobName, content, contentType, cancellationToken);
            var row = await UploadReservation.CommitAsync(
                dataSource, reservationId, userId, transactionId, receiptId, fileName, contentType, content.BytesRead);
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

    /// <summary>Best effort: the reservation stays (and the sweeper deletes the blob) when this fails.</summary>
    private async Task DiscardAsync(string blobName, long reservationId)
    {
        using var budget = new CancellationTokenSource(DiscardBudget);
        try
        {
            await blobs.DeleteAsync(blobName, budget.Token);
            await UploadReservation.ReleaseAsync(dataSource, reservationId);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or OperationCanceledException or MySqlException)
        {
            LogDiscardDeferred(blobName, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {BlobName} of a failed upload is left to the sweeper: {Reason}")]
    private partial void LogDiscardDeferred(string blobName, string reason);
}
