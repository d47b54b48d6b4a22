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
            count = sign,
            income = sign * Math.Max(entry.Amount, 0m),
            spending = sign * Math.Min(entry.Amount, 0m),
        }, transaction);
    }
}
