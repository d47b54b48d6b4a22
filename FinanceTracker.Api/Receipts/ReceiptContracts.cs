namespace FinanceTracker.Api.Receipts;

public sealed record ReceiptResponse(
    long Id, long TransactionId, string FileName, string ContentType, long Size, DateTime UploadedAt);

/// <summary>The upload's form as OpenAPI shows it; the handler streams the part itself instead of binding this.</summary>
public sealed record ReceiptUploadForm(IFormFile File);

/// <summary>A row of the receipts table as Dapper reads it.</summary>
internal sealed record ReceiptRow(
    long Id, long TransactionId, string BlobName, string FileName, string ContentType, long Size, DateTime UploadedAt)
{
    public ReceiptResponse ToResponse() =>
        new(Id, TransactionId, FileName, ContentType, Size, DateTime.SpecifyKind(UploadedAt, DateTimeKind.Utc));
}
