namespace FinanceTracker.Api.Receipts;

public sealed record ReceiptResponse(
    long Id, long TransactionId, string FileName, string ContentType, long Size, DateTime UploadedAt);

/// <summary>A row of the receipts table as Dapper reads it.</summary>
internal sealed record ReceiptRow(
    long Id, long TransactionId, string BlobName, string FileName, string ContentType, long Size, DateTime UploadedAt)
{
    public ReceiptResponse ToResponse() =>
        new(Id, TransactionId, FileName, ContentType, Size, DateTime.SpecifyKind(UploadedAt, DateTimeKind.Utc));
}
