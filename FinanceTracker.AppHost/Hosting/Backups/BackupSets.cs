namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>
/// Backup folders under one root, one per backup, named by their UTC time so the newest sorts last: <c>financedb.sql</c>,
/// <c>receipts/</c> and <c>manifest.json</c>, written into a <c>.partial</c> folder that is renamed only once complete.
/// </summary>
internal sealed class BackupSets(BackingServers servers, string root)
{
    public const string ReceiptsContainer = "receipts";

    public string Root => root;

    /// <summary>Takes a backup while the app keeps running; returns its folder and what it holds.</summary>
    public async Task<(string Folder, BackupManifest Manifest)> CreateAsync(string database, string blobs, CancellationToken cancellationToken)
    {
        // Financial data and password hashes: only the owner may read the backups.
        CreateDirectory(root);
        var createdAt = DateTime.UtcNow;
        var folder = Path.Combine(root, $"{createdAt:yyyy-MM-dd'T'HH-mm-ss-fff'Z'}");
        var partial = folder + ".partial";
        CreateDirectory(partial);

        var dump = new DatabaseDump(servers, database);
        var rows = await dump.RowCountsAsync(cancellationToken);
        var dumpFile = Path.Combine(partial, BackupManifest.DumpFileName);
        await dump.WriteAsync(dumpFile, cancellationToken);
        // After the dump: a receipt deleted in between may miss its file here, one added in between has a file but no row (skipped on restore).
        var receipts = await new ReceiptFiles(blobs, ReceiptsContainer).CopyOutAsync(Path.Combine(partial, BackupManifest.ReceiptsFolder), cancellationToken);
        var manifest = new BackupManifest(createdAt, dump.DatabaseName, BackupManifest.DumpFileName,
            await ReceiptFiles.Sha256Async(dumpFile, cancellationToken), rows, ReceiptsContainer, receipts);
        await manifest.WriteAsync(partial, cancellationToken);
        Directory.Move(partial, folder);
        return (folder, manifest);
    }

    /// <summary>The newest complete backup folder, or null.</summary>
    public string? Newest() => !Directory.Exists(root) ? null
        : Directory.GetDirectories(root)
            .Where(d => !d.EndsWith(".partial", StringComparison.Ordinal) && File.Exists(Path.Combine(d, BackupManifest.FileName)))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal)
            .LastOrDefault();

    /// <summary>
    /// Puts the newest backup in place of the database and the receipts, after checking every file against the manifest.
    /// Refuses a database that has people in it unless <paramref name="force"/>. The caller stops the Api around it.
    /// </summary>
    public async Task<(string Folder, BackupManifest Manifest)> RestoreNewestAsync(
        string database, string blobs, bool force, Func<Task> beforeChanging, CancellationToken cancellationToken)
    {
        var folder = Newest() ?? throw new InvalidOperationException($"There is no complete backup under {root}.");
        var manifest = await BackupManifest.ReadAsync(folder, cancellationToken);
        var dumpFile = Path.Combine(folder, manifest.DumpFile);
        if (await ReceiptFiles.Sha256Async(dumpFile, cancellationToken) != manifest.DumpSha256)
        {
            throw new InvalidOperationException($"{dumpFile} does not match its manifest: the backup is damaged.");
        }
        var receiptFolder = Path.Combine(folder, BackupManifest.ReceiptsFolder);
        foreach (var blob in manifest.Receipts)
        {
            if (await ReceiptFiles.Sha256Async(ReceiptFiles.FileOf(receiptFolder, blob.Name), cancellationToken) != blob.Sha256)
            {
                throw new InvalidOperationException($"Receipt file {blob.Name} does not match its manifest: the backup is damaged.");
            }
        }

        var dump = new DatabaseDump(servers, database);
        if (await dump.PeopleAsync(cancellationToken) is > 0 and var people && !force)
        {
            throw new InvalidOperationException(
                $"The database already holds the data of {people} registered people; restoring would replace it. Use \"Restore newest backup, replacing data\" to do that.");
        }
        await beforeChanging();
        await dump.ReplaceWithAsync(dumpFile, cancellationToken);
        var recorded = await dump.ReceiptBlobNamesAsync(cancellationToken);
        await new ReceiptFiles(blobs, manifest.ReceiptsContainer).ReplaceWithAsync(
            receiptFolder, manifest.Receipts.Where(b => recorded.Contains(b.Name)).ToList(), cancellationToken);
        return (folder, manifest);
    }

    private static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
