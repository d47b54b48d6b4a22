using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>One receipt blob as backed up: its name ({userId}/{receiptId}), size, SHA-256 and content type.</summary>
public sealed record BackedUpBlob(string Name, long Size, string Sha256, string? ContentType);

/// <summary>The receipt blobs as files under <c>receipts/</c>, one per blob, named as the blob is.</summary>
internal sealed class ReceiptFiles(string connectionString, string containerName)
{
    private readonly BlobContainerClient container = new BlobServiceClient(connectionString).GetBlobContainerClient(containerName);

    public async Task<List<BackedUpBlob>> CopyOutAsync(string folder, CancellationToken cancellationToken)
    {
        var copied = new List<BackedUpBlob>();
        if (!await container.ExistsAsync(cancellationToken)) return copied;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var file = FileOf(folder, blob.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await container.GetBlobClient(blob.Name).DownloadToAsync(file, cancellationToken);
            copied.Add(new BackedUpBlob(blob.Name, new FileInfo(file).Length, await Sha256Async(file, cancellationToken), blob.Properties.ContentType));
        }
        return copied;
    }

    /// <summary>Makes the container hold exactly the backed-up blobs: each uploaded again, any other deleted.</summary>
    public async Task ReplaceWithAsync(string folder, IReadOnlyList<BackedUpBlob> blobs, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: cancellationToken);
        var keep = blobs.Select(b => b.Name).ToHashSet(StringComparer.Ordinal);
        await foreach (var existing in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (!keep.Contains(existing.Name)) await container.DeleteBlobIfExistsAsync(existing.Name, cancellationToken: cancellationToken);
        }
        foreach (var blob in blobs)
        {
            await container.GetBlobClient(blob.Name).UploadAsync(FileOf(folder, blob.Name),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = blob.ContentType } }, cancellationToken);
        }
    }

    public static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>The file of a blob; names are the server's own ({userId}/{receiptId}), and any other name is refused.</summary>
    public static string FileOf(string folder, string blobName)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(root, blobName));
        return file.StartsWith(root, StringComparison.Ordinal) ? file
            : throw new InvalidOperationException($"Blob name '{blobName}' would leave the backup folder.");
    }
}
