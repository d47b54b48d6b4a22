using System.Text;
using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Import;

/// <summary>An upload as stored between preview and commit.</summary>
internal sealed record ImportRecord(long Id, long? AccountId, string FileName, string Format, string Status, byte[]? Content, string? Mapping);

/// <summary>The SQL of imports; every statement is scoped by user_id.</summary>
internal static class ImportStore
{
    public const string Preview = "preview";
    public const string Committed = "committed";
    public const string Undone = "undone";

    // Uncommitted previews are kept this long, then removed the next time the person uploads.
    private static readonly TimeSpan PreviewLifetime = TimeSpan.FromDays(1);

    // One IN list per query: large enough to keep round trips few, small enough for the statement size (5,000 × 68 bytes).
    private const int KeyChunk = 5000;

    public static async Task<long> InsertPreviewAsync(
        MySqlConnection connection, long userId, long accountId, string fileName, string format, byte[] content, string? mapping, int rowCount)
    {
        await connection.ExecuteAsync(
            "DELETE FROM imports WHERE user_id = @userId AND status = @Preview AND created_at < @before",
            new { userId, Preview, before = DateTime.UtcNow - PreviewLifetime });
        const string sql = """
            INSERT INTO imports (user_id, account_id, file_name, format, status, content, mapping, row_count)
            VALUES (@userId, @accountId, @fileName, @format, @Preview, @content, @mapping, @rowCount);
            SELECT LAST_INSERT_ID();
            """;
        return await connection.ExecuteScalarAsync<long>(sql, new { userId, accountId, fileName, format, Preview, content, mapping, rowCount });
    }

    public static Task<ImportRecord?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long id, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<ImportRecord>(
            $"SELECT id, account_id, file_name, format, status, content, mapping FROM imports WHERE id = @id AND user_id = @userId{(forUpdate ? " FOR UPDATE" : "")}",
            new { id, userId }, transaction);

    public static Task UpdateMappingAsync(MySqlConnection connection, long userId, long id, string? mapping) =>
        connection.ExecuteAsync("UPDATE imports SET mapping = @mapping WHERE id = @id AND user_id = @userId", new { id, userId, mapping });

    /// <summary>The upload's bytes are dropped: undo needs only the rows' import id.</summary>
    public static Task MarkCommittedAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id, long accountId, int added, string? mapping) =>
        connection.ExecuteAsync("""
            UPDATE imports SET status = @Committed, committed_at = UTC_TIMESTAMP(6), added_count = @added, account_id = @accountId,
                mapping = @mapping, content = NULL
            WHERE id = @id AND user_id = @userId
            """, new { id, userId, accountId, added, mapping, Committed }, transaction);

    public static Task MarkUndoneAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id) =>
        connection.ExecuteAsync("UPDATE imports SET status = @Undone WHERE id = @id AND user_id = @userId", new { id, userId, Undone }, transaction);

    public static async Task<bool> DeletePreviewAsync(MySqlConnection connection, long userId, long id) =>
        await connection.ExecuteAsync("DELETE FROM imports WHERE id = @id AND user_id = @userId AND status = @Preview", new { id, userId, Preview }) > 0;

    public static async Task<List<ImportSummary>> ListAsync(MySqlConnection connection, long userId) =>
        (await connection.QueryAsync<ImportSummary>("""
            SELECT id, file_name, format, status, account_id, row_count AS `rows`, added_count AS added, created_at, committed_at
            FROM imports WHERE user_id = @userId ORDER BY created_at DESC, id DESC LIMIT 50
            """, new { userId })).ToList();

    /// <summary>The person's accounts and their currencies (to check where rows may go).</summary>
    public static async Task<Dictionary<long, string>> AccountCurrenciesAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId) =>
        (await connection.QueryAsync<(long Id, string Currency)>(
            "SELECT id, currency FROM accounts WHERE user_id = @userId", new { userId }, transaction)).ToDictionary(a => a.Id, a => a.Currency);

    /// <summary>Category ids by name, ignoring case; expense before income where both kinds use a name.</summary>
    public static async Task<Dictionary<string, long>> CategoriesByNameAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId)
    {
        var byName = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var (id, name) in await connection.QueryAsync<(long, string)>(
            "SELECT id, name FROM categories WHERE user_id = @userId ORDER BY kind, id", new { userId }, transaction))
        {
            byName.TryAdd(name, id);
        }
        return byName;
    }

    public static async Task<LedgerMatches> MatchesAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, IReadOnlyList<PlannedRow> rows)
    {
        var keyed = rows.Where(r => r.KeyHex is not null && r.Status != PlannedStatus.Error).ToList();
        var imported = new Dictionary<string, ExistingRow>(StringComparer.Ordinal);
        var keys = await KeysToLookUpAsync(connection, transaction, userId, keyed.Select(r => r.KeyHex!).ToList());
        foreach (var chunk in keys.Select(Convert.FromHexString).Chunk(KeyChunk))
        {
            // The keys as hex literals (written here from bytes, so nothing else can reach the SQL): thousands of them
            // in one statement cost the server little, where as many bound parameters cost the client and server more.
            var sql = new StringBuilder("SELECT import_key, id, account_id, booking_date, amount, payee FROM transactions WHERE user_id = @userId AND import_key IN (",
                100 + chunk.Length * 68);
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "X'" : ",X'").Append(Convert.ToHexString(chunk[i])).Append('\'');
            }
            sql.Append(')');
            var found = await connection.QueryAsync<(byte[] Key, long Id, long AccountId, DateTime BookingDate, decimal Amount, string Payee)>(
                sql.ToString(), new { userId }, transaction);
            foreach (var f in found)
            {
                imported[Convert.ToHexStringLower(f.Key)] = new ExistingRow(f.Id, f.AccountId, f.BookingDate, f.Amount, f.Payee);
            }
        }

        var handEntered = new List<ExistingRow>();
        foreach (var group in keyed.GroupBy(r => r.Target!.AccountId))
        {
            var from = group.Min(r => r.Source!.Date).AddDays(-ImportPlan.LookAlikeDays);
            var to = group.Max(r => r.Source!.Date).AddDays(ImportPlan.LookAlikeDays);
            handEntered.AddRange(await connection.QueryAsync<ExistingRow>("""
                SELECT id, account_id, booking_date, amount, payee FROM transactions
                WHERE user_id = @userId AND account_id = @accountId AND booking_date BETWEEN @from AND @to AND import_key IS NULL
                """, new { userId, accountId = group.Key, from = from.ToDateTime(TimeOnly.MinValue), to = to.ToDateTime(TimeOnly.MinValue) }, transaction));
        }
        return new LedgerMatches(imported, handEntered);
    }

    /// <summary>
    /// The file's keys worth looking up one by one. A person with few imported rows (none before a first import) has
    /// them all read in one index-only scan, bounded by a quarter of the file's keys, and only the keys found among
    /// them are looked up; otherwise every key is.
    /// </summary>
    private static async Task<IReadOnlyCollection<string>> KeysToLookUpAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, List<string> keys)
    {
        if (keys.Count < KeyChunk)
        {
            return keys;
        }
        var cap = keys.Count / 4;
        var stored = (await connection.QueryAsync<byte[]>(
            "SELECT import_key FROM transactions WHERE user_id = @userId AND import_key IS NOT NULL LIMIT @limit",
            new { userId, limit = cap + 1 }, transaction)).ToList();
        if (stored.Count > cap)
        {
            return keys;
        }
        var existing = stored.Select(Convert.ToHexStringLower).ToHashSet(StringComparer.Ordinal);
        return keys.Where(existing.Contains).ToList();
    }

    public static Task<string?> RememberedMappingAsync(MySqlConnection connection, long userId, long accountId) =>
        connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT mapping FROM import_mappings WHERE account_id = @accountId AND user_id = @userId", new { accountId, userId });

    public static Task RememberMappingAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long accountId, string mapping) =>
        connection.ExecuteAsync("""
            INSERT INTO import_mappings (account_id, user_id, mapping) VALUES (@accountId, @userId, @mapping)
            ON DUPLICATE KEY UPDATE mapping = VALUES(mapping), updated_at = UTC_TIMESTAMP(6)
            """, new { accountId, userId, mapping }, transaction);
}
