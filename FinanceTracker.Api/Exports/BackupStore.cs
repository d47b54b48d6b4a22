using Dapper;

namespace FinanceTracker.Api.Exports;

/// <summary>The small parts of a backup (everything but the transactions), read inside the export's snapshot.</summary>
internal static partial class BackupStore
{
    public static async Task<List<BackupAccount>> AccountsAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT a.id, a.name, a.type, a.currency, a.opening_balance, a.archived, m.mapping AS import_mapping
            FROM accounts a LEFT JOIN import_mappings m ON m.account_id = a.id AND m.user_id = a.user_id
            WHERE a.user_id = @userId ORDER BY a.id
            """;
        var rows = await QueryAsync<(long Id, string Name, string Type, string Currency, decimal OpeningBalance, bool Archived, string? ImportMapping)>(
            snapshot, sql, userId, cancellationToken);
        return rows.Select(a => new BackupAccount(a.Id, a.Name, a.Type, a.Currency,
            Money.Currencies.Normalize(a.OpeningBalance, a.Currency), a.Archived, a.ImportMapping)).ToList();
    }

    public static async Task<List<BackupCategory>> CategoriesAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken) =>
        (await QueryAsync<BackupCategory>(snapshot,
            "SELECT id, name, kind, parent_id, color FROM categories WHERE user_id = @userId ORDER BY id", userId, cancellationToken)).ToList();

    public static async Task<List<BackupImportRule>> ImportRulesAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, position, match_kind, pattern, category_id, rename_payee, add_tag
            FROM import_rules WHERE user_id = @userId ORDER BY position, id
            """;
        var rows = await QueryAsync<(long Id, int Position, string MatchKind, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag)>(
            snapshot, sql, userId, cancellationToken);
        return rows.Select(r => new BackupImportRule(r.Id, r.Position, r.MatchKind.ToLowerInvariant(), r.Pattern, r.CategoryId, r.RenamePayee, r.AddTag)).ToList();
    }

    /// <summary>Receipt rows with their blob names (the blob name is the server's, never written to the document).</summary>
    public static async Task<List<(BackupReceipt Receipt, string BlobName)>> ReceiptsAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id, transaction_id, file_name, content_type, size, uploaded_at, blob_name
            FROM receipts WHERE user_id = @userId ORDER BY id
            """;
        var rows = await QueryAsync<(long Id, long TransactionId, string FileName, string ContentType, long Size, DateTime UploadedAt, string BlobName)>(
            snapshot, sql, userId, cancellationToken);
        return rows.Select(r => (new BackupReceipt(r.Id, r.TransactionId, r.FileName, r.ContentType, r.Size, null,
            DateTime.SpecifyKind(r.UploadedAt, DateTimeKind.Utc)), r.BlobName)).ToList();
    }

    private static Task<IEnumerable<T>> QueryAsync<T>(ExportSnapshot snapshot, string sql, long userId, CancellationToken cancellationToken) =>
        snapshot.Connection.QueryAsync<T>(new CommandDefinition(sql, new { userId }, snapshot.Transaction, cancellationToken: cancellationToken));
}
