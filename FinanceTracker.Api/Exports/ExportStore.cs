using System.Data.Common;
using System.Runtime.CompilerServices;
using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// A transaction as exports read it, with its tags (in tag order); for a backup (<c>full</c>) also its split parts and
/// the columns from <see cref="ExportRow.ImportKey"/> on, which are left at their defaults otherwise.
/// </summary>
internal readonly record struct ExportRow(
    long Id, long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string Currency, string Payee, string Notes, byte[]? ImportKey,
    long? TransferId, long? RecurringId, bool Cleared, bool Reconciled, IReadOnlyList<string> Tags, IReadOnlyList<SplitPart> Splits);

/// <summary>
/// Streams a user's transactions oldest first, (date, id): a chunk of rows is one index-ordered query read row by row
/// (unbuffered, so the rows go out while the database still sends), after one query each for the chunk's tags and split
/// parts (by the chunk's range of ids or a join to them, never a query per row). Memory stays at one chunk's tags whatever the size of
/// the ledger, and no statement stays open for the whole export (a client that stops reading for a while cannot run
/// into the server's write timeout). Every statement is scoped by user_id (through <see cref="TransactionFilter.FromWhere"/>).
/// </summary>
internal static class ExportStore
{
    public const int ChunkSize = 10_000;

    private const string Columns = "SELECT t.id, t.account_id, t.category_id, t.booking_date, t.amount, t.currency, t.payee, t.notes ";

    /// <summary>What only a backup keeps (the CSV and JSON exports leave these columns unread).</summary>
    private const string BackupColumns = ", t.import_key, t.transfer_id, t.recurring_id, t.cleared, t.reconciled ";

    private static readonly ILookup<long, SplitPart> NoSplits = Array.Empty<SplitPart>().ToLookup(_ => 0L);

    public static async IAsyncEnumerable<ExportRow> RowsAsync(
        ExportSnapshot snapshot, long userId, TransactionFilter filter, bool full, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The same rows the list shows for these filters (a category with its subcategories and split parts, text through its indexes).
        filter = await TransactionStore.PrepareAsync(snapshot.Connection, userId, filter, cancellationToken, snapshot.Transaction);
        (DateOnly Date, long Id)? after = null;
        while (true)
        {
            var parameters = new DynamicParameters();
            var chunk = Chunk(filter, parameters, userId, after);
            var tags = await TagsAsync(snapshot, chunk, parameters, cancellationToken);
            var splits = full ? await SplitsAsync(snapshot, chunk, parameters, cancellationToken) : NoSplits;
            var count = 0;
            await using (var reader = await snapshot.Connection.ExecuteReaderAsync(
                new CommandDefinition(Columns + (full ? BackupColumns : "") + chunk + " LIMIT @take", parameters, snapshot.Transaction, cancellationToken: cancellationToken)))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    var row = Read(reader, full, tags, splits);
                    count++;
                    after = (row.Date, row.Id);
                    yield return row;
                }
            }
            if (count < ChunkSize)
            {
                yield break;
            }
        }
    }

    /// <summary>Account and category names by id (a few hundred rows), for the readable columns.</summary>
    public static async Task<(Dictionary<long, string> Accounts, Dictionary<long, string> Categories)> NamesAsync(
        ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        var accounts = await snapshot.Connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM accounts WHERE user_id = @userId", new { userId }, snapshot.Transaction, cancellationToken: cancellationToken));
        var categories = await snapshot.Connection.QueryAsync<(long Id, string Name)>(new CommandDefinition(
            "SELECT id, name FROM categories WHERE user_id = @userId", new { userId }, snapshot.Transaction, cancellationToken: cancellationToken));
        return (accounts.ToDictionary(a => a.Id, a => a.Name), categories.ToDictionary(c => c.Id, c => c.Name));
    }

    /// <summary>
    /// "FROM … WHERE … ORDER BY …" of the next chunk: the filters, from the last row on (a date range plus a tie-break, so the
    /// index is range-scanned), oldest first.
    /// </summary>
    private static string Chunk(TransactionFilter filter, DynamicParameters parameters, long userId, (DateOnly Date, long Id)? after)
    {
        var sql = filter.FromWhere(parameters, userId, includeCursor: false);
        if (after is { } last)
        {
            sql += $" AND {filter.DateColumn} >= @afterDate AND ({filter.DateColumn} > @afterDate OR {filter.IdColumn} > @afterId)";
            parameters.Add("afterDate", last.Date.ToDateTime(TimeOnly.MinValue));
            parameters.Add("afterId", last.Id);
        }
        parameters.Add("take", ChunkSize);
        return $"{sql} ORDER BY {filter.DateColumn}, {filter.IdColumn}";
    }

    /// <summary>
    /// The ids of the chunk's rows (index-only for most filters), as a derived table the tags and splits are found by:
    /// STRAIGHT_JOIN has the database look each id up in their primary key, rather than read all of the person's tags for every chunk.
    /// </summary>
    private static string ChunkIds(string chunk) => $"(SELECT t.id {chunk} LIMIT @take) chunk";

    /// <summary>
    /// The tags of the chunk's rows (and of other rows of the person in between, which nobody asks for). Ids mostly grow with
    /// the date, so the chunk's ids usually span a narrow range: then the tags are one range of their primary key (a few
    /// hundred entries, ANALYZE: 0.2 ms), else each id is looked up (10,000 probes, 8 ms).
    /// </summary>
    private static async Task<Dictionary<long, List<string>>> TagsAsync(
        ExportSnapshot snapshot, string chunk, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var (first, last) = await snapshot.Connection.QuerySingleAsync<(long? First, long? Last)>(new CommandDefinition(
            $"SELECT MIN(chunk.id), MAX(chunk.id) FROM {ChunkIds(chunk)}", parameters, snapshot.Transaction, cancellationToken: cancellationToken));
        var tags = new Dictionary<long, List<string>>();
        if (first is null || last is null)
        {
            return tags;
        }
        parameters.Add("firstId", first);
        parameters.Add("lastId", last);
        var sql = last - first < 16 * ChunkSize
            ? "SELECT x.transaction_id, x.tag FROM transaction_tags x FORCE INDEX (PRIMARY) WHERE x.user_id = @userId AND x.transaction_id BETWEEN @firstId AND @lastId ORDER BY x.transaction_id, x.tag"
            : $"SELECT x.transaction_id, x.tag FROM {ChunkIds(chunk)} STRAIGHT_JOIN transaction_tags x ON x.transaction_id = chunk.id AND x.user_id = @userId ORDER BY x.transaction_id, x.tag";
        await using var reader = await snapshot.Connection.ExecuteReaderAsync(new CommandDefinition(
            sql, parameters, snapshot.Transaction, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt64(0);
            if (!tags.TryGetValue(id, out var list))
            {
                tags[id] = list = new List<string>(2);
            }
            list.Add(reader.GetString(1));
        }
        return tags;
    }

    private static async Task<ILookup<long, SplitPart>> SplitsAsync(
        ExportSnapshot snapshot, string chunk, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var parts = await snapshot.Connection.QueryAsync<(long TransactionId, long? CategoryId, decimal Amount, string Notes)>(new CommandDefinition(
            $"SELECT x.transaction_id, x.category_id, x.amount, x.notes FROM {ChunkIds(chunk)} STRAIGHT_JOIN transaction_splits x ON x.transaction_id = chunk.id AND x.user_id = @userId ORDER BY x.transaction_id, x.position",
            parameters, snapshot.Transaction, cancellationToken: cancellationToken));
        return parts.ToLookup(p => p.TransactionId, p => new SplitPart(p.CategoryId, p.Amount, p.Notes));
    }

    private static ExportRow Read(DbDataReader reader, bool full, Dictionary<long, List<string>> tags, ILookup<long, SplitPart> splits)
    {
        var id = reader.GetInt64(0);
        var row = new ExportRow(
            id,
            reader.GetInt64(1),
            reader.IsDBNull(2) ? null : reader.GetInt64(2),
            DateOnly.FromDateTime(reader.GetDateTime(3)),
            reader.GetDecimal(4),
            reader.GetString(5),
            reader.GetString(6),
            reader.GetString(7),
            null, null, null, false, false,
            tags.TryGetValue(id, out var rowTags) ? rowTags : [],
            []);
        return !full ? row : row with
        {
            ImportKey = reader.IsDBNull(8) ? null : reader.GetFieldValue<byte[]>(8),
            TransferId = reader.IsDBNull(9) ? null : reader.GetInt64(9),
            RecurringId = reader.IsDBNull(10) ? null : reader.GetInt64(10),
            Cleared = reader.GetBoolean(11),
            Reconciled = reader.GetBoolean(12),
            Splits = splits.Contains(id) ? splits[id].ToList() : [],
        };
    }
}
