using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Recurring;

/// <summary>The SQL of recurring rules and their postings; every statement a person can reach is scoped by user_id.</summary>
internal static class RecurringStore
{
    private const string SelectColumns = """
        SELECT r.id, r.user_id, r.account_id, r.category_id, r.amount, a.currency, r.payee, r.notes, r.frequency, r.interval_count,
               r.day_of_month, r.start_date, r.end_date, r.max_count, r.effective_from, r.next_date, r.revision,
               (SELECT COUNT(*) FROM recurring_postings p WHERE p.rule_id = r.id) AS posted_count, r.created_at, r.updated_at
        FROM recurring_rules r JOIN accounts a ON a.id = r.account_id
        """;

    public static async Task<IReadOnlyList<RecurringRuleRow>> ListAsync(MySqlConnection connection, long userId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RecurringRuleRow>(new CommandDefinition(
            $"{SelectColumns} WHERE r.user_id = @userId ORDER BY r.next_date IS NULL, r.next_date, r.id", new { userId }, cancellationToken: cancellationToken))).ToList();

    /// <summary>The caller's rule; <paramref name="forUpdate"/> locks it until commit (after its account, as every write does).</summary>
    public static Task<RecurringRuleRow?> FindAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, long id, bool forUpdate = false) =>
        connection.QuerySingleOrDefaultAsync<RecurringRuleRow>(
            $"{SelectColumns} WHERE r.id = @id AND r.user_id = @userId{(forUpdate ? " FOR UPDATE" : "")}", new { id, userId }, transaction);

    public static async Task<long> InsertAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, RecurringTerms terms, DateOnly effectiveFrom, DateOnly? nextDate)
    {
        const string sql = """
            INSERT INTO recurring_rules (user_id, account_id, category_id, amount, payee, notes, frequency, interval_count, day_of_month,
                                         start_date, end_date, max_count, effective_from, next_date)
            VALUES (@userId, @accountId, @categoryId, @amount, @payee, @notes, @frequency, @interval, @dayOfMonth,
                    @startDate, @endDate, @count, @effectiveFrom, @nextDate);
            SELECT LAST_INSERT_ID();
            """;
        return await connection.ExecuteScalarAsync<long>(sql, Parameters(userId, terms, effectiveFrom, nextDate), transaction);
    }

    /// <summary>New terms from <paramref name="effectiveFrom"/> on; the revision tells a poster holding the old terms that they changed.</summary>
    public static async Task UpdateAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long id, RecurringTerms terms, DateOnly effectiveFrom, DateOnly? nextDate)
    {
        const string sql = """
            UPDATE recurring_rules SET account_id = @accountId, category_id = @categoryId, amount = @amount, payee = @payee, notes = @notes,
                frequency = @frequency, interval_count = @interval, day_of_month = @dayOfMonth, start_date = @startDate, end_date = @endDate,
                max_count = @count, effective_from = @effectiveFrom, next_date = @nextDate, revision = revision + 1, updated_at = UTC_TIMESTAMP(6)
            WHERE id = @id AND user_id = @userId
            """;
        var parameters = Parameters(userId, terms, effectiveFrom, nextDate);
        parameters.Add("id", id);
        await connection.ExecuteAsync(sql, parameters, transaction);
    }

    public static async Task<bool> DeleteAsync(MySqlConnection connection, long userId, long id) =>
        await connection.ExecuteAsync("DELETE FROM recurring_rules WHERE id = @id AND user_id = @userId", new { id, userId }) > 0;

    /// <summary>The caller's account's currency, or null when the account is not theirs.</summary>
    public static Task<string?> AccountCurrencyAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long accountId) =>
        connection.ExecuteScalarAsync<string?>(
            "SELECT currency FROM accounts WHERE id = @accountId AND user_id = @userId", new { accountId, userId }, transaction);

    public static async Task<bool> CategoryExistsAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long categoryId) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM categories WHERE id = @categoryId AND user_id = @userId", new { categoryId, userId }, transaction) > 0;

    /// <summary>Rules (of everyone) with an occurrence due on or before <paramref name="today"/>, oldest due first.</summary>
    public static async Task<IReadOnlyList<(long UserId, long Id)>> DueAsync(MySqlConnection connection, DateOnly today, int take, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<(long, long)>(new CommandDefinition(
            "SELECT user_id, id FROM recurring_rules WHERE next_date <= @today ORDER BY next_date, id LIMIT @take",
            new { today = today.ToDateTime(TimeOnly.MinValue), take }, cancellationToken: cancellationToken))).ToList();

    /// <summary>Claims one occurrence: the primary key (rule, date) refuses a second claim with a duplicate-key error.</summary>
    public static Task ClaimAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long ruleId, DateOnly date) =>
        connection.ExecuteAsync(
            "INSERT INTO recurring_postings (rule_id, occurrence_date, user_id) VALUES (@ruleId, @date, @userId)",
            new { ruleId, date = date.ToDateTime(TimeOnly.MinValue), userId }, transaction);

    /// <summary>Links the claimed occurrence and its new transaction both ways, and moves the rule on to its next occurrence.</summary>
    public static Task RecordPostedAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, long ruleId, DateOnly date, long transactionId, DateOnly? nextDate) =>
        connection.ExecuteAsync("""
            UPDATE transactions SET recurring_id = @ruleId WHERE id = @transactionId AND user_id = @userId;
            UPDATE recurring_postings SET transaction_id = @transactionId WHERE rule_id = @ruleId AND occurrence_date = @date;
            UPDATE recurring_rules SET next_date = @nextDate WHERE id = @ruleId AND user_id = @userId;
            """,
            new { ruleId, transactionId, userId, date = date.ToDateTime(TimeOnly.MinValue), nextDate = nextDate?.ToDateTime(TimeOnly.MinValue) }, transaction);

    /// <summary>Moves a rule past an occurrence someone else posted, unless its terms changed meanwhile.</summary>
    public static Task SkipPostedAsync(MySqlConnection connection, long ruleId, int revision, DateOnly date, DateOnly? nextDate) =>
        connection.ExecuteAsync(
            "UPDATE recurring_rules SET next_date = @nextDate WHERE id = @ruleId AND revision = @revision AND next_date = @date",
            new { ruleId, revision, date = date.ToDateTime(TimeOnly.MinValue), nextDate = nextDate?.ToDateTime(TimeOnly.MinValue) });

    /// <summary>
    /// The person's transactions since <paramref name="since"/> whose payee (as the collation compares it) occurs at least
    /// three times in one account: the detector's input, without loading a whole ledger. Posted occurrences of rules are left out.
    /// </summary>
    public static async Task<IReadOnlyList<HistoryRow>> HistoryAsync(MySqlConnection connection, long userId, DateOnly since, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT t.booking_date, t.amount, t.currency, t.payee, t.account_id, t.category_id
            FROM transactions t
            JOIN (SELECT payee, account_id FROM transactions
                  WHERE user_id = @userId AND booking_date >= @since AND payee <> '' AND recurring_id IS NULL
                  GROUP BY payee, account_id HAVING COUNT(*) >= 3) repeated
              ON repeated.payee = t.payee AND repeated.account_id = t.account_id
            WHERE t.user_id = @userId AND t.booking_date >= @since AND t.recurring_id IS NULL
            """;
        var rows = await connection.QueryAsync<(DateTime Date, decimal Amount, string Currency, string Payee, long AccountId, long? CategoryId)>(
            new CommandDefinition(sql, new { userId, since = since.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return rows.Select(r => new HistoryRow(DateOnly.FromDateTime(r.Date), r.Amount, r.Currency, r.Payee, r.AccountId, r.CategoryId)).ToList();
    }

    public static async Task<IReadOnlyList<string>> RulePayeesAsync(MySqlConnection connection, long userId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT payee FROM recurring_rules WHERE user_id = @userId", new { userId }, cancellationToken: cancellationToken))).ToList();

    private static DynamicParameters Parameters(long userId, RecurringTerms terms, DateOnly effectiveFrom, DateOnly? nextDate)
    {
        // Named one by one: a template object would also bind its enum, struct and DateOnly members Dapper cannot send.
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        parameters.Add("accountId", terms.AccountId);
        parameters.Add("categoryId", terms.CategoryId);
        parameters.Add("amount", terms.Amount);
        parameters.Add("payee", terms.Payee);
        parameters.Add("notes", terms.Notes);
        parameters.Add("interval", terms.Interval);
        parameters.Add("count", terms.Count);
        parameters.Add("frequency", terms.Frequency.ToString().ToLowerInvariant());
        parameters.Add("dayOfMonth", terms.DayOfMonth?.ToStored());
        parameters.Add("startDate", terms.StartDate.ToDateTime(TimeOnly.MinValue));
        parameters.Add("endDate", terms.EndDate?.ToDateTime(TimeOnly.MinValue));
        parameters.Add("effectiveFrom", effectiveFrom.ToDateTime(TimeOnly.MinValue));
        parameters.Add("nextDate", nextDate?.ToDateTime(TimeOnly.MinValue));
        return parameters;
    }
}
