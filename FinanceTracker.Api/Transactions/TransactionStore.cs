using Dapper;
using FinanceTracker.Api.Money;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>Reads and writes transactions for one user; every statement is scoped by user_id.</summary>
internal sealed class TransactionStore(MySqlDataSource dataSource)
{
    private const string SelectColumns =
        "SELECT t.id, t.account_id, t.category_id, t.booking_date, t.amount, t.currency, t.payee, t.notes, t.version, t.recurring_id";

    public async Task<TransactionPage> ListAsync(long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        var pageParameters = new DynamicParameters();
        var pageSql = $"{SelectColumns} {filter.FromWhere(pageParameters, userId, includeCursor: true)} " +
                      "ORDER BY t.booking_date DESC, t.id DESC LIMIT @take";
        pageParameters.Add("take", filter.PageSize + 1);
        var rows = (await connection.QueryAsync<TransactionRow>(new CommandDefinition(pageSql, pageParameters, cancellationToken: cancellationToken))).ToList();

        var totals = await TransactionTotals.ComputeAsync(connection, userId, filter, cancellationToken);

        var hasMore = rows.Count > filter.PageSize;
        var page = rows.Take(filter.PageSize).ToList();
        var tags = await TagsAsync(connection, null, userId, page.Select(r => r.Id), cancellationToken);
        var receipts = await ReceiptCountsAsync(connection, null, userId, page.Select(r => r.Id), cancellationToken);
        var last = page.LastOrDefault();
        return new TransactionPage(
            page.Select(r => r.ToResponse(tags[r.Id].ToList(), receipts.GetValueOrDefault(r.Id))).ToList(),
            totals.Sum(t => t.Count),
            totals.Select(t => new CurrencyTotal(t.Currency, Currencies.Normalize(t.Amount, t.Currency))).ToList(),
            hasMore && last is not null ? new Cursor(DateOnly.FromDateTime(last.BookingDate), last.Id).Encode() : null);
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
        if (row is null)
        {
            return null;
        }
        var tags = await TagsAsync(connection, transaction, userId, [id], cancellationToken);
        var receipts = await ReceiptCountsAsync(connection, transaction, userId, [id], cancellationToken);
        return row.ToResponse(tags[id].ToList(), receipts.GetValueOrDefault(id));
    }

    private static async Task<ILookup<long, string>> TagsAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var idList = ids.ToList();
        if (idList.Count == 0)
        {
            return Enumerable.Empty<(long, string)>().ToLookup(t => t.Item1, t => t.Item2);
        }
        var rows = await connection.QueryAsync<(long TransactionId, string Tag)>(new CommandDefinition(
            "SELECT transaction_id, tag FROM transaction_tags WHERE user_id = @userId AND transaction_id IN @ids ORDER BY tag",
            new { userId, ids = idList }, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.TransactionId, r => r.Tag);
    }

    /// <summary>Receipts per transaction of a page, in one grouped query over the page's ids.</summary>
    private static async Task<Dictionary<long, int>> ReceiptCountsAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var idList = ids.ToList();
        if (idList.Count == 0)
        {
            return [];
        }
        var rows = await connection.QueryAsync<(long TransactionId, long Count)>(new CommandDefinition(
            "SELECT transaction_id, COUNT(*) FROM receipts WHERE user_id = @userId AND transaction_id IN @ids GROUP BY transaction_id",
            new { userId, ids = idList }, transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.TransactionId, r => (int)r.Count);
    }
}
