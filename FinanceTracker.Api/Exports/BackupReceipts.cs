using System.IO.Compression;
using System.Security.Cryptography;
using FinanceTracker.Api.Receipts;
using MySqlConnector;

namespace FinanceTracker.Api.Exports;

/// <summary>A receipt of the backup whose bytes are in blob storage already, under a reserved id, waiting for its row.</summary>
internal sealed record StagedReceipt(BackupReceipt Receipt, long ReceiptId, long ReservationId, string BlobName, string ContentType);

/// <summary>
/// The receipts of a zip backup. Each file is checked (there, the listed size and SHA-256, a receipt type by its first
/// bytes), then uploaded as <see cref="ReceiptUploader"/> does it: id and outbox reservation first, bytes next, with no
/// DB transaction open; the restore's transaction writes the rows and ends the reservations, so a failed restore
/// leaves no blob behind (the sweeper deletes what the clean-up here misses).
/// </summary>
internal static class BackupReceipts
{
    public static async Task<(List<(BackupReceipt Receipt, ZipArchiveEntry Entry, string ContentType)> Files, Dictionary<string, string[]> Errors)> CheckAsync(
        ZipArchive zip, IReadOnlyList<BackupReceipt> receipts, CancellationToken cancellationToken)
    {
        var files = new List<(BackupReceipt, ZipArchiveEntry, string)>();
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < receipts.Count; i++)
        {
            var receipt = receipts[i];
            var path = $"receipts[{i}]";
            var name = BackupJson.ReceiptEntry(receipt.Id!.Value, receipt.FileName!);
            if (zip.GetEntry(name) is not { } entry)
            {
                errors[path] = [$"The zip holds no {name}."];
                continue;
            }
            if (entry.Length != receipt.Size)
            {
                errors[$"{path}.size"] = [$"{name} has {entry.Length} bytes, not {receipt.Size}."];
                continue;
            }
            var (sha, head) = await HashAsync(entry, cancellationToken);
            if (receipt.Sha256 is { } expected && !expected.Equals(sha, StringComparison.OrdinalIgnoreCase))
            {
                errors[$"{path}.sha256"] = [$"The bytes of {name} do not match their SHA-256."];
            }
            else if (ContentSniffer.Detect(head) is not { } contentType)
            {
                errors[$"{path}.contentType"] = [$"{name} is not a JPEG, PNG, WebP, HEIC or PDF file."];
            }
            else
            {
                files.Add((receipt, entry, contentType));
            }
        }
        return (files, errors);
    }

    public static async Task<List<StagedReceipt>> UploadAsync(
        MySqlDataSource dataSource, ReceiptBlobs blobs, long userId,
        IReadOnlyList<(BackupReceipt Receipt, ZipArchiveEntry Entry, string ContentType)> files, CancellationToken cancellationToken)
    {
        var staged = new List<StagedReceipt>();
        if (files.Count == 0)
        {
            return staged;
        }
        await blobs.EnsureContainerAsync(cancellationToken);
        try
        {
            foreach (var (receipt, entry, contentType) in files)
            {
                var (receiptId, reservationId) = await UploadReservation.ReserveAsync(dataSource, userId, cancellationToken);
                var blobName = ReceiptBlobs.BlobName(userId, receiptId);
                staged.Add(new StagedReceipt(receipt, receiptId, reservationId, blobName, contentType));
                await using var content = entry.Open();
                await blobs.UploadAsync(blobName, content, contentType, cancellationToken);
            }
            return staged;
        }
        catch
        {
            await DiscardAsync(dataSource, blobs, staged);
            throw;
        }
    }

    /// <summary>Best effort: what is left stays reserved, and the sweeper deletes those blobs when the reservations fall due.</summary>
    public static async Task DiscardAsync(MySqlDataSource dataSource, ReceiptBlobs blobs, IReadOnlyList<StagedReceipt> staged)
    {
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        foreach (var receipt in staged)
        {
            try
            {
                await blobs.DeleteAsync(receipt.BlobName, budget.Token);
                await UploadReservation.ReleaseAsync(dataSource, receipt.ReservationId);
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or OperationCanceledException or MySqlException)
            {
                return;
            }
        }
    }

    private static async Task<(string Sha256, byte[] Head)> HashAsync(ZipArchiveEntry entry, CancellationToken cancellationToken)
    {
        await using var content = entry.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var head = new byte[ContentSniffer.HeaderLength];
        var headLength = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var take = Math.Min(read, head.Length - headLength);
            buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
            headLength += take;
            hash.AppendData(buffer, 0, read);
        }
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), head[..headLength]);
    }
}
