using Dapper;

namespace FinanceTracker.Api.Exports;

/// <summary>A restore's budget lines, in multi-row statements.</summary>
internal sealed partial class BackupWrites
{
    private const int BudgetLinesPerStatement = 500;

    /// <summary>
    /// After the categories. A line the new user had already set on a default category the backup reuses (same month,
    /// currency and category) takes the backup's amount and rollover, as the category takes the backup's spelling.
    /// </summary>
    public async Task BudgetsAsync(IEnumerable<BackupBudgetLine> backup)
    {
        foreach (var chunk in backup.Chunk(BudgetLinesPerStatement))
        {
            var parameters = new DynamicParameters(new { userId });
            var values = chunk.Select((line, i) =>
            {
                parameters.Add($"m{i}", DateTime.ParseExact(line.Month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                parameters.Add($"c{i}", line.Currency);
                parameters.Add($"k{i}", categories[line.CategoryId!.Value]);
                parameters.Add($"a{i}", line.Amount!.Value);
                parameters.Add($"r{i}", line.Rollover ?? false);
                return $"(@userId, @c{i}, @m{i}, @k{i}, @a{i}, @r{i})";
            });
            await connection.ExecuteAsync($"""
                INSERT INTO budget_lines (user_id, currency, month, category_id, amount, rollover) VALUES {string.Join(", ", values)}
                ON DUPLICATE KEY UPDATE amount = VALUES(amount), rollover = VALUES(rollover)
                """, parameters, transaction);
        }
    }
}
