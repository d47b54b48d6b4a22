using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Ledger;

/// <summary>
/// An account's balance after each of some of its rows, in the ledger's order (date, then id), from its whole history,
/// counted back from the account's balance now: its opening balance and running total, less its whole months after the
/// row's month (from monthly_totals), less the rows of the row's own month after it. So a page of recent rows reads those
/// rows and a few months' totals, never a scan of the account, and a filter that hides rows never changes the balance of
/// those it shows. One statement, so one consistent snapshot.
/// </summary>
internal static class RunningBalances
{
    private const int Total = 0, MonthNet = 1, Row = 2;

    public static async Task<Dictionary<long, decimal>> AfterAsync(
        MySqlConnection connection, long userId, long accountId, IReadOnlyList<(long Id, DateOnly Date)> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        // The page's oldest row; every row from it to the end of the page's newest month is read (the page and the rows of
        // its months that are newer than each of its rows).
        var oldest = rows.MinBy(r => (r.Date, r.Id));
        var newestMonth = MonthOf(rows.Max(r => r.Date));
        var parameters = new
        {
            userId,
            accountId,
            oldestDate = oldest.Date.ToDateTime(TimeOnly.MinValue),
            oldestId = oldest.Id,
            oldestMonth = MonthOf(oldest.Date).ToDateTime(TimeOnly.MinValue),
            afterNewestMonth = newestMonth.AddMonths(1).ToDateTime(TimeOnly.MinValue),
        };
        var sql = $"""
            SELECT {Total} AS kind, NULL AS id, NULL AS day, opening_balance + transactions_total AS amount
            FROM accounts WHERE id = @accountId AND user_id = @userId
            UNION ALL
            SELECT {MonthNet}, NULL, month, SUM(income + spending)
            FROM monthly_totals FORCE INDEX (ix_monthly_totals_user_account)
            WHERE user_id = @userId AND account_id = @accountId AND month > @oldestMonth
            GROUP BY month
            UNION ALL
            SELECT {Row}, id, booking_date, amount
            FROM transactions FORCE INDEX (ix_transactions_user_account_date)
            WHERE user_id = @userId AND account_id = @accountId AND booking_date >= @oldestDate AND booking_date < @afterNewestMonth
              AND (booking_date > @oldestDate OR id >= @oldestId)
            """;
        var read = (await connection.QueryAsync<(int Kind, long? Id, DateTime? Day, decimal Amount)>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).ToList();

        var balanceNow = read.Where(r => r.Kind == Total).Sum(r => r.Amount);
        var monthNets = read.Where(r => r.Kind == MonthNet).ToDictionary(r => DateOnly.FromDateTime(r.Day!.Value), r => r.Amount);
        var wanted = rows.Select(r => r.Id).ToHashSet();
        var balances = new Dictionary<long, decimal>(rows.Count);
        // Newest first: the balance after a row is the balance now less everything after it.
        var after = 0m;
        DateOnly? month = null;
        foreach (var row in read.Where(r => r.Kind == Row).OrderByDescending(r => r.Day).ThenByDescending(r => r.Id))
        {
            var rowMonth = MonthOf(DateOnly.FromDateTime(row.Day!.Value));
            if (rowMonth != month)
            {
                // Entering a month: everything after it is its later months' whole totals.
                after = monthNets.Where(m => m.Key > rowMonth).Sum(m => m.Value);
                month = rowMonth;
            }
            if (wanted.Contains(row.Id!.Value))
            {
                balances[row.Id.Value] = balanceNow - after;
            }
            after += row.Amount;
        }
        return balances;
    }

    private static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);
}
