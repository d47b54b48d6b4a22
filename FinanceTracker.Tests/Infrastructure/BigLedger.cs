namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Many transactions written straight into the database in one statement (the Api would take minutes for them), with
/// the account's balance and monthly totals brought in step, as the Api's own writes keep them.
/// </summary>
public static class BigLedger
{
    /// <summary>Rows "p1".."pN" of -1.00 over three days of January 2026; ids increase with N.</summary>
    public static async Task InsertAsync(ApiFixture api, string email, long accountId, int rows)
    {
        var userId = await api.Database.ScalarAsync<long>("SELECT id FROM users WHERE email = @email", ("@email", email));
        await api.Database.ScalarAsync<long>($"""
            INSERT INTO transactions (user_id, account_id, booking_date, amount, currency, payee)
            SELECT @userId, @accountId, DATE('2026-01-01') + INTERVAL (seq % 3) DAY, -1, 'EUR', CONCAT('p', seq) FROM seq_1_to_{rows} ORDER BY seq;
            UPDATE accounts SET transactions_total = transactions_total - {rows} WHERE id = @accountId AND user_id = @userId;
            INSERT INTO monthly_totals (user_id, month, account_id, category_id, currency, transaction_count, income, spending)
            VALUES (@userId, '2026-01-01', @accountId, 0, 'EUR', {rows}, 0, -{rows})
            ON DUPLICATE KEY UPDATE transaction_count = transaction_count + {rows}, spending = spending - {rows};
            SELECT 0;
            """, ("@userId", userId), ("@accountId", accountId));
    }
}
