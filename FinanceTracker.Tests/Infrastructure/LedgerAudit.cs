namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Checks, in the database itself, that a person's derived figures agree with their rows: nothing half-written.</summary>
public static class LedgerAudit
{
    /// <summary>What disagrees (empty when all agrees): monthly totals vs rows, balances vs rows, tags' dates vs their rows', and optionally tags per row.</summary>
    public static async Task<List<string>> DriftAsync(this TestDatabase database, long userId, int? tagsPerRow = null)
    {
        var drift = new List<string>();
        var user = ("@userId", (object)userId);
        var months = await database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM (
                SELECT month, account_id, category_id, SUM(n) AS n, SUM(income) AS income, SUM(spending) AS spending FROM (
                    SELECT month, account_id, category_id, transaction_count AS n, income, spending FROM monthly_totals WHERE user_id = @userId
                    UNION ALL
                    SELECT CAST(DATE_FORMAT(t.booking_date, '%Y-%m-01') AS DATE), t.account_id,
                           IF(t.transfer_id IS NOT NULL, -1, COALESCE(s.category_id, t.category_id, 0)),
                           -SUM(IF(s.position IS NULL OR s.position = 0, 1, 0)),
                           -SUM(GREATEST(COALESCE(s.amount, t.amount), 0)), -SUM(LEAST(COALESCE(s.amount, t.amount), 0))
                    FROM transactions t LEFT JOIN transaction_splits s ON s.transaction_id = t.id
                    WHERE t.user_id = @userId GROUP BY 1, 2, 3) both_sides
                GROUP BY month, account_id, category_id
                HAVING n <> 0 OR income <> 0 OR spending <> 0) drifted
            """, user);
        if (months > 0) drift.Add($"{months} monthly total(s) disagree with the transactions of their month");

        var balances = await database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM accounts a WHERE a.user_id = @userId
              AND a.transactions_total <> (SELECT COALESCE(SUM(t.amount), 0) FROM transactions t WHERE t.account_id = a.id)
            """, user);
        if (balances > 0) drift.Add($"{balances} account total(s) disagree with their transactions");

        var splits = await database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM transactions t WHERE t.user_id = @userId
              AND EXISTS (SELECT 1 FROM transaction_splits s WHERE s.transaction_id = t.id)
              AND (t.category_id IS NOT NULL OR t.amount <> (SELECT SUM(s.amount) FROM transaction_splits s WHERE s.transaction_id = t.id))
            """, user);
        if (splits > 0) drift.Add($"{splits} split transaction(s) whose parts do not add up to them");

        var tagDates = await database.ScalarAsync<long>("""
            SELECT COUNT(*) FROM transaction_tags g JOIN transactions t ON t.id = g.transaction_id
            WHERE g.user_id = @userId AND g.booking_date <> t.booking_date
            """, user);
        if (tagDates > 0) drift.Add($"{tagDates} tag(s) on another date than their transaction");

        if (tagsPerRow is { } tags)
        {
            var partial = await database.ScalarAsync<long>("""
                SELECT COUNT(*) FROM transactions t WHERE t.user_id = @userId
                  AND (SELECT COUNT(*) FROM transaction_tags g WHERE g.transaction_id = t.id) <> @tags
                """, user, ("@tags", tags));
            if (partial > 0) drift.Add($"{partial} transaction(s) without their {tags} tags");
        }
        return drift;
    }
}
