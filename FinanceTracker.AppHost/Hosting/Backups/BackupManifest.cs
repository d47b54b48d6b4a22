using System.Text.Json;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>
/// <c>manifest.json</c> of a backup folder: when it was taken, the dump's SHA-256 and row counts, and every receipt blob with
/// its SHA-256. A folder without one is incomplete and never restored; a restore checks every hash before it changes anything.
/// </summary>
public sealed record BackupManifest(DateTime CreatedAtUtc, string Database, string DumpFile, string DumpSha256,
    Dictionary<string, long> Rows, string ReceiptsContainer, List<BackedUpBlob> Receipts)
{
    public const string FileName = "manifest.json";
    public const string DumpFileName = "financedb.sql";
    public const string ReceiptsFolder = "receipts";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task WriteAsync(string folder, CancellationToken cancellationToken)
    {
        await using var file = File.Create(Path.Combine(folder, FileName));
        await JsonSerializer.SerializeAsync(file, this, Json, cancellationToken);
    }

    public static async Task<BackupManifest> ReadAsync(string folder, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(Path.Combine(folder, FileName));
        return await JsonSerializer.DeserializeAsync<BackupManifest>(file, Json, cancellationToken)
            ?? throw new InvalidOperationException($"{folder}/{FileName} is empty.");
    }

    public override string ToString() =>
        $"{string.Join(", ", Rows.Select(r => $"{r.Value} {r.Key}"))}; {Receipts.Count} receipt files ({Receipts.Sum(r => r.Size)} bytes)";
}
