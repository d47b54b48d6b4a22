using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// The database side of an upload. Before it: a receipt id and an outbox row for its blob (due in an
/// hour), so a crash mid-upload still gets the blob deleted. After it: the receipt row and the end of
/// the reservation, in one DB transaction.
/// </summary>
internal static class UploadReservation
{
    private const int LifetimeMinutes = 60;

    public static async Task<(long ReceiptId, long ReservationId)> ReserveAsync(MySqlDataSource dataSource, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var receiptId = await connection.ExecuteScalarAsync<long>("SELECT NEXTVAL(receipt_ids)");
        var reservationId = await connection.ExecuteScalarAsync<long>("""
            INSERT INTO pending_blob_deletions (blob_name, due_at) VALUES (@blobName, UTC_TIMESTAMP(6) + INTERVAL @minutes MINUTE);
            SELECT LAST_INSERT_ID();
            """, new { blobName = ReceiptBlobs.BlobName(userId, receiptId), minutes = LifetimeMinutes });
        return (receiptId, reservationId);
    }

    /// <summary>The stored row; null when the transaction was deleted while its receipt was uploading.</summary>
    public static async Task<ReceiptRow?> CommitAsync(MySqlDataSource dataSource, long reservationId, long userId, long transactionId,
        long receiptId, string fileName, string contentType, long size)
    {
        // Not cancellable: once the blob is up, the client leaving must not strand it half-recorded.
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // The transaction row first, as its deletion locks it first: the two never deadlock.
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
            """, new { receiptId, userId, transactionId, blobName = ReceiptBlobs.BlobName(userId, receiptId), fileName, contentType, size },
            transaction);
        var row = await ReceiptsApi.FindAsync(connection, transaction, userId, receiptId);
        await transaction.CommitAsync();
        return row;
    }

    public static async Task ReleaseAsync(MySqlDataSource dataSource, long reservationId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM pending_blob_deletions WHERE id = @reservationId", new { reservationId });
    }
}
