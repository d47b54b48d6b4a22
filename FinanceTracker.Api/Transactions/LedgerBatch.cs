using System.Text;
using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>
/// The balance and monthly-total effects of many inserted transactions, summed in memory per account and per
/// (month, account, category, currency), then applied in a few statements inside the caller's DB transaction:
/// the same numbers <see cref="MonthlyTotals.ApplyAsync"/> would reach one row at a time.
/// </summary>
internal sealed class LedgerBatch
{
    private const int MonthRowsPerStatement = 1000;

    private readonly Dictionary<long, decimal> balances = [];
    private readonly Dictionary<(DateTime Month, long AccountId, long CategoryId), MonthTotal> months = [];

    private sealed record MonthTotal(string Currency, long Count, decimal Income, decimal Spending);

    public void Add(LedgerEntry entry)
    {
        balances[entry.AccountId] = balances.GetValueOrDefault(entry.AccountId) + entry.Amount;
        var key = (new DateTime(entry.Date.Year, entry.Date.Month, 1), entry.AccountId, entry.CategoryId ?? 0);
        var total = months.GetValueOrDefault(key) ?? new MonthTotal(entry.Currency, 0, 0m, 0m);
        months[key] = total with
        {
            Count = total.Count + 1,
            Income = total.Income + Math.Max(entry.Amount, 0m),
            Spending = total.Spending + Math.Min(entry.Amount, 0m),
        };
    }

    public async Task ApplyAsync(MySqlConnection connection, MySqlTransaction transaction, long userId)
    {
        foreach (var (accountId, delta) in balances.OrderBy(b => b.Key))
        {
            await connection.ExecuteAsync(
                "UPDATE accounts SET transactions_total = transactions_total + @delta WHERE id = @accountId AND user_id = @userId",
                new { delta, accountId, userId }, transaction);
        }
        foreach (var chunk in months.Chunk(MonthRowsPerStatement))
        {
            var sql = new StringBuilder(
                "INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending) VALUES ");
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            for (var i = 0; i < chunk.Length; i++)
            {
                var ((month, accountId, categoryId), total) = chunk[i];
                sql.Append(i == 0 ? "" : ",").Append($"(@userId,@m{i},@a{i},@c{i},@u{i},@n{i},@i{i},@s{i})");
                parameters.Add($"m{i}", month);
                parameters.Add($"a{i}", accountId);
                parameters.Add($"c{i}", categoryId);
                parameters.Add($"u{i}", total.Currency);
                parameters.Add($"n{i}", total.Count);
                parameters.Add($"i{i}", total.Income);
                parameters.Add($"s{i}", total.Spending);
            }
            sql.Append("""
                 ON DUPLICATE KEY UPDATE transaction_count = transaction_count + VALUES(transaction_count),
                    income = income + VALUES(income), spending = spending + VALUES(spending), currency = VALUES(currency)
                """);
            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }
}
