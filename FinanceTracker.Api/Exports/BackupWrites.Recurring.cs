using Dapper;
using FinanceTracker.Api.Recurring;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// A restore's recurring rules: each rule with its terms and progress, the transactions it posted linked to it again, and
/// its posted occurrences claimed in recurring_postings, so the poster never posts them a second time.
/// </summary>
internal sealed partial class BackupWrites
{
    private const int PostingsPerStatement = 500;

    private readonly Dictionary<long, long> recurringRules = [];

    /// <summary>Before the transactions, which point at their rule.</summary>
    public async Task RecurringRulesAsync(IEnumerable<BackupRecurringRule> backup)
    {
        const string sql = """
            INSERT INTO recurring_rules (user_id, account_id, category_id, amount, payee, notes, frequency, interval_count, day_of_month,
                                         start_date, end_date, max_count, effective_from, next_date, created_at, updated_at)
            VALUES (@userId, @accountId, @categoryId, @amount, @payee, @notes, @frequency, @interval, @dayOfMonth,
                    @startDate, @endDate, @count, @effectiveFrom, @nextDate, COALESCE(@createdAt, UTC_TIMESTAMP(6)), COALESCE(@updatedAt, UTC_TIMESTAMP(6)));
            SELECT LAST_INSERT_ID();
            """;
        foreach (var rule in backup)
        {
            // Named one by one, as RecurringStore does: Dapper cannot send DateOnly or the DayOfMonth struct.
            var parameters = new DynamicParameters();
            parameters.Add("userId", userId);
            parameters.Add("accountId", accounts[rule.AccountId!.Value]);
            parameters.Add("categoryId", rule.CategoryId is { } c ? categories[c] : null);
            parameters.Add("amount", rule.Amount!.Value);
            parameters.Add("payee", rule.Payee!.Trim());
            parameters.Add("notes", rule.Notes?.Trim() ?? "");
            parameters.Add("frequency", Enum.Parse<RecurringFrequency>(rule.Frequency!, ignoreCase: true).ToString().ToLowerInvariant());
            parameters.Add("interval", rule.Interval ?? 1);
            parameters.Add("dayOfMonth", rule.DayOfMonth?.ToStored());
            parameters.Add("startDate", Day(rule.StartDate));
            parameters.Add("endDate", Day(rule.EndDate));
            parameters.Add("count", rule.Count);
            parameters.Add("effectiveFrom", Day(rule.EffectiveFrom ?? rule.StartDate));
            parameters.Add("nextDate", Day(rule.NextDate));
            parameters.Add("createdAt", rule.CreatedAt?.ToUniversalTime());
            parameters.Add("updatedAt", rule.UpdatedAt?.ToUniversalTime());
            recurringRules[rule.Id!.Value] = await connection.ExecuteScalarAsync<long>(sql, parameters, transaction);
        }
    }

    /// <summary>
    /// Claims every posted occurrence again, (rule, date) as the poster claims them, pointing at the restored transaction
    /// (<paramref name="transactionIds"/> maps the backup's ids of the posted ones).
    /// </summary>
    public async Task PostingsAsync(IEnumerable<BackupRecurringRule> backup, Dictionary<long, long> transactionIds)
    {
        var postings = backup.SelectMany(rule => (rule.Postings ?? []).Select(p => (
                RuleId: recurringRules[rule.Id!.Value], Date: Day(p.Date)!.Value,
                TransactionId: p.TransactionId is { } t ? transactionIds[t] : (long?)null)))
            .ToList();
        foreach (var chunk in postings.Chunk(PostingsPerStatement))
        {
            var parameters = new DynamicParameters(new { userId });
            var values = chunk.Select((p, i) =>
            {
                parameters.Add($"r{i}", p.RuleId);
                parameters.Add($"d{i}", p.Date);
                parameters.Add($"t{i}", p.TransactionId);
                return $"(@r{i}, @d{i}, @userId, @t{i})";
            });
            await connection.ExecuteAsync(
                $"INSERT INTO recurring_postings (rule_id, occurrence_date, user_id, transaction_id) VALUES {string.Join(", ", values)}",
                parameters, transaction);
        }
    }

    /// <summary>Links the restored transactions to the rules that posted them.</summary>
    private async Task LinkRecurringAsync(IReadOnlyList<BackupTransaction> backup, long[] newIds)
    {
        var byRule = backup.Select((t, i) => (t.RecurringId, Id: newIds[i])).Where(t => t.RecurringId is not null).GroupBy(t => t.RecurringId!.Value);
        foreach (var rule in byRule)
        {
            foreach (var ids in rule.Select(t => t.Id).Chunk(PostingsPerStatement))
            {
                await connection.ExecuteAsync("UPDATE transactions SET recurring_id = @ruleId WHERE user_id = @userId AND id IN @ids",
                    new { ruleId = recurringRules[rule.Key], userId, ids }, transaction);
            }
        }
    }

    private static DateTime? Day(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
