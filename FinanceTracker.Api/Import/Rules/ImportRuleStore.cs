using Dapper;
using MySqlConnector;

namespace FinanceTracker.Api.Import.Rules;

/// <summary>The SQL of a person's import rules; every statement is scoped by user_id.</summary>
internal static class ImportRuleStore
{
    private const string SelectColumns =
        "SELECT id, match_kind, pattern, category_id, rename_payee, add_tag, position FROM import_rules";

    private sealed record RuleRow(long Id, string MatchKind, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int Position)
    {
        public ImportRule ToRule() => new(Id, Enum.Parse<RuleMatch>(MatchKind, ignoreCase: true), Pattern, CategoryId, RenamePayee, AddTag, Position);
    }

    public static async Task<IReadOnlyList<ImportRule>> ListAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId) =>
        (await connection.QueryAsync<RuleRow>($"{SelectColumns} WHERE user_id = @userId ORDER BY position, id", new { userId }, transaction))
            .Select(r => r.ToRule()).ToList();

    public static async Task<ImportRuleSet> RuleSetAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId) =>
        new(await ListAsync(connection, transaction, userId));

    public static async Task<ImportRule?> FindAsync(MySqlConnection connection, long userId, long id) =>
        (await connection.QuerySingleOrDefaultAsync<RuleRow>($"{SelectColumns} WHERE id = @id AND user_id = @userId", new { id, userId }))?.ToRule();

    public static async Task<long> InsertAsync(MySqlConnection connection, long userId, ValidRule rule)
    {
        const string sql = """
            INSERT INTO import_rules (user_id, position, match_kind, pattern, category_id, rename_payee, add_tag)
            SELECT @userId, COALESCE(@position, (SELECT COALESCE(MAX(position), 0) + 1 FROM import_rules WHERE user_id = @userId)),
                   @match, @pattern, @categoryId, @renamePayee, @addTag;
            SELECT LAST_INSERT_ID();
            """;
        return await connection.ExecuteScalarAsync<long>(sql, Parameters(userId, rule));
    }

    public static async Task<bool> UpdateAsync(MySqlConnection connection, long userId, long id, ValidRule rule)
    {
        const string sql = """
            UPDATE import_rules SET match_kind = @match, pattern = @pattern, category_id = @categoryId,
                rename_payee = @renamePayee, add_tag = @addTag, position = COALESCE(@position, position)
            WHERE id = @id AND user_id = @userId
            """;
        var parameters = Parameters(userId, rule);
        parameters.Add("id", id);
        // Found rows, not changed rows: the connection reports matches (UseAffectedRows=false is MySqlConnector's default).
        return await connection.ExecuteAsync(sql, parameters) > 0;
    }

    public static async Task<bool> DeleteAsync(MySqlConnection connection, long userId, long id) =>
        await connection.ExecuteAsync("DELETE FROM import_rules WHERE id = @id AND user_id = @userId", new { id, userId }) > 0;

    public static async Task<bool> CategoryExistsAsync(MySqlConnection connection, long userId, long categoryId) =>
        await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM categories WHERE id = @categoryId AND user_id = @userId", new { categoryId, userId }) > 0;

    private static DynamicParameters Parameters(long userId, ValidRule rule)
    {
        var parameters = new DynamicParameters();
        parameters.Add("userId", userId);
        parameters.Add("match", rule.Match.ToString().ToLowerInvariant());
        parameters.Add("pattern", rule.Pattern);
        parameters.Add("categoryId", rule.CategoryId);
        parameters.Add("renamePayee", rule.RenamePayee);
        parameters.Add("addTag", rule.AddTag);
        parameters.Add("position", rule.Position);
        return parameters;
    }
}
