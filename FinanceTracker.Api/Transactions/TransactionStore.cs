using System.Text;
using Dapper;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>Reads and writes transactions for one user; every statement is scoped by user_id.</summary>
internal sealed class TransactionStore(MySqlDataSource dataSource)
{
    private const string SelectColumns =
        "SELECT t.id, t.account_id, t.category_id, t.booking_date, t.amount, t.currency, t.payee, t.notes, t.version, t.transfer_id, t.recurring_id, t.cleared, t.reconciled";

    public async Task<TransactionPage> ListAsync(long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        filter = await PrepareAsync(connection, userId, filter, cancellationToken);

        var pageParameters = new DynamicParameters();
        var pageSql = $"{SelectColumns} {filter.FromWhere(pageParameters, userId, includeCursor: true)} " +
                      $"ORDER BY {filter.DateColumn} DESC, {filter.IdColumn} DESC LIMIT @take";
        pageParameters.Add("take", filter.PageSize + 1);
        var rows = (await connection.QueryAsync<TransactionRow>(new CommandDefinition(pageSql, pageParameters, cancellationToken: cancellationToken))).ToList();

        var totals = filter.IncludeTotals ? await TotalsAsync(connection, userId, filter, cancellationToken) : null;

        var hasMore = rows.Count > filter.PageSize;
        var page = rows.Take(filter.PageSize).ToList();
        var responses = await ToResponsesAsync(connection, null, userId, page, cancellationToken);
        if (filter.AccountId is { } accountId)
        {
            var balances = await RunningBalances.AfterAsync(connection, userId, accountId, page.Select(r => (r.Id, DateOnly.FromDateTime(r.BookingDate))).ToList(), cancellationToken);
            responses = responses.Select(r => balances.TryGetValue(r.Id, out var balance) ? r with { RunningBalance = Currencies.Normalize(balance, r.Currency) } : r).ToList();
        }
        var last = page.LastOrDefault();
        return new TransactionPage(
            responses,
            totals?.TotalCount,
            totals?.Totals,
            hasMore && last is not null ? new Cursor(DateOnly.FromDateTime(last.BookingDate), last.Id).Encode() : null);
    }

    /// <summary>The count and per-currency sums of every row the filter matches (its cursor and page size play no part).</summary>
    public async Task<TransactionTotalsResponse> TotalsAsync(long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await TotalsAsync(connection, userId, await PrepareAsync(connection, userId, filter, cancellationToken), cancellationToken);
    }

    private static async Task<TransactionTotalsResponse> TotalsAsync(
        MySqlConnection connection, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var sums = await TransactionTotals.ComputeAsync(connection, userId, filter, cancellationToken);
        return new TransactionTotalsResponse(
            sums.Sum(t => t.Count), sums.Select(t => new CurrencyTotal(t.Currency, Currencies.Normalize(t.Amount, t.Currency))).ToList());
    }

    /// <summary>
    /// What the filter needs to know of the person's data before it is run: whether split parts use its category, and where
    /// a text search's rows can be.
    /// </summary>
    internal static async Task<TransactionFilter> PrepareAsync(
        MySqlConnection connection, long userId, TransactionFilter filter, CancellationToken cancellationToken, MySqlTransaction? transaction = null)
    {
        if (filter.CategoryId is { } categoryId)
        {
            var tree = await CategoryTreeAsync(connection, transaction, userId, categoryId, cancellationToken);
            filter = filter with { CategoryTree = tree.Select(c => c.Id).ToList(), CategoryInParts = tree.Any(c => c.InParts) };
        }
        if (filter is { Text: { } text, Tag: null })
        {
            filter = filter with { TextIndex = await TextCandidates.FindAsync(connection, transaction, userId, text, cancellationToken) };
        }
        return filter;
    }

    public async Task<TransactionResponse?> GetAsync(long userId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, userId, id, cancellationToken);
    }

    public static async Task<TransactionResponse?> GetAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<TransactionRow>(new CommandDefinition(
            $"{SelectColumns} FROM transactions t WHERE t.id = @id AND t.user_id = @userId", new { id, userId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : (await ToResponsesAsync(connection, transaction, userId, [row], cancellationToken))[0];
    }

    /// <summary>
    /// The rows with their tags, receipt counts, split parts and transfer counterparts: one round trip of grouped queries
    /// over the page's ids (parts only for rows without a category of their own, counterparts only for transfers).
    /// </summary>
    private static async Task<List<TransactionResponse>> ToResponsesAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, IReadOnlyList<TransactionRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var ids = rows.Select(r => r.Id).ToList();
        var transactionIds = rows.Where(r => r.CategoryId is null && r.TransferId is null).Select(r => r.Id).ToList();
        var transferIds = rows.Where(r => r.TransferId is not null).Select(r => r.Id).ToList();
        var sql = new StringBuilder(TagsSql).Append(';').Append(ReceiptCountsSql);
        if (transactionIds.Count > 0)
        {
            sql.Append(';').Append(Splits.PartsOfSql);
        }
        if (transferIds.Count > 0)
        {
            sql.Append(';').Append(TransferAccountsSql);
        }
        await using var details = await connection.QueryMultipleAsync(new CommandDefinition(
            sql.ToString(), new { userId, ids, transactionIds, transferIds }, transaction, cancellationToken: cancellationToken));
        var tags = (await details.ReadAsync<(long TransactionId, string Tag)>()).ToLookup(r => r.TransactionId, r => r.Tag);
        var receipts = (await details.ReadAsync<(long TransactionId, long Count)>()).ToDictionary(r => r.TransactionId, r => (int)r.Count);
        var splits = Splits.ToLookup(transactionIds.Count > 0 ? await details.ReadAsync<Splits.PartRow>() : []);
        var counterparts = transferIds.Count > 0
            ? (await details.ReadAsync<(long Id, long AccountId)>()).ToDictionary(r => r.Id, r => (long?)r.AccountId)
            : [];
        return rows.Select(r => r.ToResponse(tags[r.Id].ToList(), receipts.GetValueOrDefault(r.Id), counterparts.GetValueOrDefault(r.Id), splits[r.Id])).ToList();
    }

    private const string TagsSql = "SELECT transaction_id, tag FROM transaction_tags WHERE user_id = @userId AND transaction_id IN @ids ORDER BY tag";

    private const string ReceiptCountsSql =
        "SELECT transaction_id, COUNT(*) FROM receipts WHERE user_id = @userId AND transaction_id IN @ids GROUP BY transaction_id";

    /// <summary>For each transfer side, the account of the other side (absent when that side is gone).</summary>
    private const string TransferAccountsSql = """
        SELECT t.id, o.account_id FROM transactions t
        JOIN transfers tr ON tr.id = t.transfer_id AND tr.user_id = t.user_id
        JOIN transactions o ON o.id = IF(tr.from_transaction_id = t.id, tr.to_transaction_id, tr.from_transaction_id) AND o.user_id = t.user_id
        WHERE t.user_id = @userId AND t.id IN @transferIds
        """;

    /// <summary>
    /// The category and every category under it, at any depth, each with whether a split part is in it: only then does the
    /// category filter need to look at parts. An unknown id: itself alone, in no part, which matches nothing.
    /// </summary>
    private static async Task<IReadOnlyList<(long Id, bool InParts)>> CategoryTreeAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, long categoryId, CancellationToken cancellationToken)
    {
        var tree = (await connection.QueryAsync<(long Id, bool InParts)>(new CommandDefinition("""
            WITH RECURSIVE tree (id) AS (
                SELECT id FROM categories WHERE user_id = @userId AND id = @categoryId
                UNION
                SELECT c.id FROM categories c JOIN tree ON c.parent_id = tree.id WHERE c.user_id = @userId)
            SELECT id, EXISTS (SELECT 1 FROM transaction_splits s WHERE s.user_id = @userId AND s.category_id = tree.id) FROM tree
            """, new { userId, categoryId }, transaction, cancellationToken: cancellationToken))).ToList();
        return tree.Count == 0 ? [(categoryId, false)] : tree;
    }
}
