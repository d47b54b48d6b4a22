using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Transactions;

/// <summary>Keeps monthly_totals in step with transaction writes, inside the caller's DB transaction.</summary>
internal static class MonthlyTotals
{
    /// <summary>Moves every month's totals of one category onto another (after its transactions were reassigned).</summary>
    public static async Task MoveCategoryAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long fromCategoryId, long toCategoryId)
    {
        const string merge = """
            INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
            SELECT src.user_id, src.month, src.account_id, @toCategoryId, src.currency, src.transaction_count, src.income, src.spending
            FROM monthly_totals src WHERE src.user_id = @userId AND src.category_id = @fromCategoryId
            ON DUPLICATE KEY UPDATE transaction_count = monthly_totals.transaction_count + VALUES(transaction_count),
                income = monthly_totals.income + VALUES(income), spending = monthly_totals.spending + VALUES(spending)
            """;
        var parameters = new { userId, fromCategoryId, toCategoryId };
        await connection.ExecuteAsync(merge, parameters, transaction);
        await connection.ExecuteAsync(
            "DELETE FROM monthly_totals WHERE user_id = @userId AND category_id = @fromCategoryId", parameters, transaction);
    }

    /// <summary>
    /// Adds (+1) or takes back (-1) many transactions: summed per month row first, then one multi-row upsert per chunk,
    /// in key order (so two batches touching the same rows lock them in the same order).
    /// </summary>
    public static async Task ApplyManyAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, IEnumerable<LedgerEntry> entries, int sign)
    {
        var months = entries
            .GroupBy(e => (Month: new DateTime(e.Date.Year, e.Date.Month, 1), e.AccountId, CategoryId: e.CategoryId ?? 0, e.Currency))
            .OrderBy(g => g.Key.Month).ThenBy(g => g.Key.AccountId).ThenBy(g => g.Key.CategoryId)
            .Select(g => new
            {
                g.Key.Month, g.Key.AccountId, g.Key.CategoryId, g.Key.Currency,
                Count = sign * g.Sum(e => e.Count),
                Income = sign * g.Sum(e => Math.Max(e.Amount, 0m)),
                Spending = sign * g.Sum(e => Math.Min(e.Amount, 0m)),
            });
        foreach (var chunk in months.Chunk(500))
        {
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            var values = new List<string>(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                values.Add($"(@userId,@m{i},@a{i},@c{i},@cur{i},@n{i},@in{i},@out{i})");
                parameters.Add($"m{i}", chunk[i].Month);
                parameters.Add($"a{i}", chunk[i].AccountId);
                parameters.Add($"c{i}", chunk[i].CategoryId);
                parameters.Add($"cur{i}", chunk[i].Currency);
                parameters.Add($"n{i}", chunk[i].Count);
                parameters.Add($"in{i}", chunk[i].Income);
                parameters.Add($"out{i}", chunk[i].Spending);
            }
            await connection.ExecuteAsync($"""
                INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
                VALUES {string.Join(',', values)}
                ON DUPLICATE KEY UPDATE transaction_count = transaction_count + VALUES(transaction_count),
                    income = income + VALUES(income), spending = spending + VALUES(spending), currency = VALUES(currency)
                """, parameters, transaction);
        }
    }

    /// <summary>Adds (+1) or takes back (-1) one transaction in its month's row.</summary>
    public static Task ApplyAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, LedgerEntry entry, int sign)
    {
        // The currency is overwritten too: a month row left at zero may outlive a change of the account's currency.
        const string sql = """
            INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
            VALUES (@userId, @month, @accountId, @categoryId, @currency, @count, @income, @spending)
            ON DUPLICATE KEY UPDATE transaction_count = transaction_count + VALUES(transaction_count),
                income = income + VALUES(income), spending = spending + VALUES(spending), currency = VALUES(currency)
            """;
        return connection.ExecuteAsync(sql, new
        {
            userId,
            month = new DateTime(entry.Date.Year, entry.Date.Month, 1),
            accountId = entry.AccountId,
            categoryId = entry.CategoryId ?? 0,
            currency = entry.Currency,
            count = sign * entry.Count,
            income = sign * Math.Max(entry.Amount, 0m),
            spending = sign * Math.Min(entry.Amount, 0m),
        }, transaction);
    }
}
