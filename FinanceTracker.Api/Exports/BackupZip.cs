using System.IO.Compression;
using System.Security.Cryptography;
using FinanceTracker.Api.Receipts;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// The backup with the receipts' bytes: a zip written straight to the response, receipts first (at receipts/{id}/{name},
/// stored, as photos and PDFs are compressed already), then backup.json with each receipt's SHA-256.
/// </summary>
internal static class BackupZip
{
    public static async Task WriteAsync(
        Stream body, ExportSnapshot snapshot, ReceiptBlobs blobs, long userId, DateTime exportedAt, CancellationToken cancellationToken)
    {
        var receipts = await BackupStore.ReceiptsAsync(snapshot, userId, cancellationToken);
        var output = new AsyncDrainStream(body);
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
        {
            var written = new List<BackupReceipt>();
            foreach (var (receipt, blobName) in receipts)
            {
                Azure.Storage.Blobs.Models.BlobDownloadStreamingResult download;
                try
                {
                    download = await blobs.DownloadAsync(blobName, cancellationToken);
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
                {
                    // Deleted after the snapshot was taken: it is left out of the document too.
                    continue;
                }
                var entry = zip.CreateEntry(BackupJson.ReceiptEntry(receipt.Id!.Value, receipt.FileName!), CompressionLevel.NoCompression);
                await using (var source = download.Content)
                await using (var target = await entry.OpenAsync(cancellationToken))
                {
                    written.Add(receipt with { Sha256 = await CopyAsync(source, target, cancellationToken) });
                }
                await output.FlushAsync(cancellationToken);
            }
            var json = zip.CreateEntry(BackupJson.FileName, CompressionLevel.Fastest);
            await using (var jsonStream = await json.OpenAsync(cancellationToken))
            {
                await BackupWriter.WriteAsync(jsonStream, snapshot, userId, exportedAt, written, cancellationToken);
            }
        }
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>Copies the bytes and returns their SHA-256 (hex).</summary>
    private static async Task<string> CopyAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
