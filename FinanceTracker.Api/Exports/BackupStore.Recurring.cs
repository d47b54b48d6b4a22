using Dapper;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Recurring;

namespace FinanceTracker.Api.Exports;

/// <summary>The recurring rules (with every occurrence they posted) and the budget lines of a backup.</summary>
internal static partial class BackupStore
{
    public static async Task<List<BackupRecurringRule>> RecurringRulesAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        const string rulesSql = """
            SELECT r.id, r.account_id, r.category_id, r.amount, a.currency, r.payee, r.notes, r.frequency, r.interval_count, r.day_of_month,
                   r.start_date, r.end_date, r.max_count, r.effective_from, r.next_date, r.created_at, r.updated_at
            FROM recurring_rules r JOIN accounts a ON a.id = r.account_id AND a.user_id = r.user_id
            WHERE r.user_id = @userId ORDER BY r.id
            """;
        var rules = (await QueryAsync<RuleRow>(snapshot, rulesSql, userId, cancellationToken)).ToList();
        if (rules.Count == 0)
        {
            return [];
        }
        // By the primary key (rule, date): recurring_postings has no index on user_id alone.
        var postings = (await snapshot.Connection.QueryAsync<(long RuleId, DateTime Date, long? TransactionId)>(new CommandDefinition("""
                SELECT rule_id, occurrence_date, transaction_id FROM recurring_postings
                WHERE user_id = @userId AND rule_id IN @ids ORDER BY rule_id, occurrence_date
                """, new { userId, ids = rules.Select(r => r.Id).ToList() }, snapshot.Transaction, cancellationToken: cancellationToken)))
            .ToLookup(p => p.RuleId, p => new BackupPosting(DateOnly.FromDateTime(p.Date), p.TransactionId));
        return rules.Select(r => new BackupRecurringRule(
            r.Id, r.AccountId, r.CategoryId, Currencies.Normalize(r.Amount, r.Currency), r.Currency, r.Payee, r.Notes, r.Frequency,
            r.IntervalCount, r.DayOfMonth is { } day ? DayOfMonth.FromStored(day) : null, Date(r.StartDate), Date(r.EndDate), r.MaxCount,
            Date(r.EffectiveFrom), Date(r.NextDate), postings[r.Id].ToList(),
            DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc))).ToList();
    }

    /// <summary>
    /// The lines on expense categories: those are the budgets the Api lets a person set (a category turned into an income
    /// one since keeps its old line, which copy-from leaves behind too).
    /// </summary>
    public static async Task<List<BackupBudgetLine>> BudgetsAsync(ExportSnapshot snapshot, long userId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT b.month, b.currency, b.category_id, b.amount, b.rollover
            FROM budget_lines b JOIN categories c ON c.id = b.category_id AND c.user_id = b.user_id
            WHERE b.user_id = @userId AND c.kind = 'expense' ORDER BY b.currency, b.month, b.category_id
            """;
        var rows = await QueryAsync<(DateTime Month, string Currency, long CategoryId, decimal Amount, bool Rollover)>(snapshot, sql, userId, cancellationToken);
        return rows.Select(b => new BackupBudgetLine(
            b.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), b.Currency, b.CategoryId,
            Currencies.Normalize(b.Amount, b.Currency), b.Rollover)).ToList();
    }

    private static DateOnly Date(DateTime date) => DateOnly.FromDateTime(date);

    private static DateOnly? Date(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;

    private sealed record RuleRow(
        long Id, long AccountId, long? CategoryId, decimal Amount, string Currency, string Payee, string Notes, string Frequency,
        int IntervalCount, int? DayOfMonth, DateTime StartDate, DateTime? EndDate, int? MaxCount, DateTime EffectiveFrom, DateTime? NextDate,
        DateTime CreatedAt, DateTime UpdatedAt);
}
