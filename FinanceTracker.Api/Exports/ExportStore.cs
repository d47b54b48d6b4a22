using System.Runtime.CompilerServices;
using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>A transaction as exports read it; tags come from their own table, a chunk at a time.</summary>
internal sealed record ExportRow(
    long Id, long AccountId, long? CategoryId, DateTime BookingDate, decimal Amount, string Currency, string Payee, string Notes, byte[]? ImportKey,
    long? TransferId, long? RecurringId, bool Cleared, bool Reconciled)
{
    public DateOnly Date => DateOnly.FromDateTime(BookingDate);
}

internal sealed record ExportChunk(IReadOnlyList<ExportRow> Rows, ILookup<long, string> Tags, ILookup<long, SplitPart> Splits);

/// <summary>
/// Reads a user's transactions oldest first, (date, id), in keyset chunks, so a million rows stream through a few
/// thousand at a time. Every statement is scoped by user_id (through <see cref="TransactionFilter.FromWhere"/>).
/// </summary>
internal static class ExportStore
{
    public const int ChunkSize = 5000;

    public static async IAsyncEnumerable<ExportChunk> ChunksAsync(
        ExportSnapshot snapshot, long userId, TransactionFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ExportRow? last = null;
        while (true)
        {
            var parameters = new DynamicParameters();
            var sql = "SELECT t.id, t.account_id, t.category_id, t.booking_date, t.amount, t.currency, t.payee, t.notes, t.import_key, t.transfer_id, t.recurring_id, t.cleared, t.reconciled " +
                      filter.FromWhere(parameters, userId, includeCursor: false);
            if (last is not null)
            {
                // A date range plus a tie-break, so the (user, date, id) index is range-scanned from the last row on.
                sql += " AND t.booking_date >= @afterDate AND (t.booking_date > @afterDate OR t.id > @afterId)";
                parameters.Add("afterDate", last.BookingDate);
                parameters.Add("afterId", last.Id);
            }
            sql += " ORDER BY t.booking_date, t.id LIMIT @take";
            parameters.Add("take", ChunkSize);
            var rows = (await snapshot.Connection.QueryAsync<ExportRow>(
                new CommandDefinition(sql, parameters, snapshot.Transaction, cancellationToken: cancellationToken))).AsList();
            if (rows.Count == 0)
            {
                yield break;
            }
            yield return new ExportChunk(rows, await TagsAsync(snapshot, userId, rows, cancellationToken),
                await Splits.OfAsync(snapshot.Connection, snapshot.Transaction, userId, rows.Select(r => r.Id).ToList(), cancellationToken));
            if (rows.Count < ChunkSize)
            {
                yield break;
            }
            last = rows[^1];
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

    private static async Task<ILookup<long, string>> TagsAsync(
        ExportSnapshot snapshot, long userId, IReadOnlyList<ExportRow> rows, CancellationToken cancellationToken)
    {
        var tags = await snapshot.Connection.QueryAsync<(long TransactionId, string Tag)>(new CommandDefinition(
            "SELECT transaction_id, tag FROM transaction_tags WHERE user_id = @userId AND transaction_id IN @ids ORDER BY tag",
            new { userId, ids = rows.Select(r => r.Id) }, snapshot.Transaction, cancellationToken: cancellationToken));
        return tags.ToLookup(t => t.TransactionId, t => t.Tag);
    }
}
