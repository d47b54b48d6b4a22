using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Receipts;

/// <summary>The receipts container: blobs named {userId}/{receiptId}, never publicly readable.</summary>
internal sealed class ReceiptBlobs(BlobServiceClient service, IOptions<ReceiptOptions> options)
{
    // The SDK buffers up to InitialTransferSize of an unknown-length stream (256 MB by default), then
    // one block per worker: small blocks keep an upload's memory a few MB whatever the file's size.
    private static readonly StorageTransferOptions Streaming = new()
    {
        InitialTransferSize = 1024 * 1024,
        MaximumTransferSize = 1024 * 1024,
        MaximumConcurrency = 2,
    };

    private readonly BlobContainerClient container = service.GetBlobContainerClient(options.Value.ContainerName);

    public static string BlobName(long userId, long receiptId) => $"{userId}/{receiptId}";

    /// <summary>
    /// Creates the container if it is missing. Called before every upload (one cheap request) so a
    /// storage account that was reset or came up empty needs no restart of the Api.
    /// </summary>
    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);

    public Task UploadAsync(string blobName, Stream content, string contentType, CancellationToken cancellationToken) =>
        container.GetBlobClient(blobName).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            TransferOptions = Streaming,
        }, cancellationToken);

    public async Task<BlobDownloadStreamingResult> DownloadAsync(string blobName, CancellationToken cancellationToken) =>
        (await container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;

    public Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        container.GetBlobClient(blobName).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
}
