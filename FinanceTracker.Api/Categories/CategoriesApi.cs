using Dapper;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Categories;

public static class CategoriesApi
{
    private const string SelectColumns = "SELECT id, name, kind, parent_id, color FROM categories";

    public static RouteGroupBuilder MapCategoriesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/categories").WithTags("Categories").RequireAuthorization().InvalidatesAnalytics().RetriesDeadlocks();

        group.MapGet("/", async (MySqlDataSource db, CurrentUser caller) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            var rows = await connection.QueryAsync<CategoryRow>(
                $"{SelectColumns} WHERE user_id = @userId ORDER BY kind, name", new { userId = caller.Id });
            return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
        });

        group.MapGet("/{id:long}", async Task<Results<Ok<CategoryResponse>, NotFound>> (long id, MySqlDataSource db, CurrentUser caller) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            var row = await FindAsync(connection, null, caller.Id, id);
            return row is null ? TypedResults.NotFound() : TypedResults.Ok(row.ToResponse());
        });

        group.MapGet("/{id:long}/usage", async Task<Results<Ok<CategoryUsage>, NotFound>> (long id, MySqlDataSource db, CurrentUser caller) =>
        {
            await using var connection = await db.OpenConnectionAsync();
            if (await FindAsync(connection, null, caller.Id, id) is null)
            {
                return TypedResults.NotFound();
            }
            return TypedResults.Ok(await connection.QuerySingleAsync<CategoryUsage>("""
                SELECT (SELECT COUNT(*) FROM transactions WHERE user_id = @userId AND category_id = @id)
                     + (SELECT COUNT(DISTINCT transaction_id) FROM transaction_splits WHERE user_id = @userId AND category_id = @id) AS transactions,
                       (SELECT COUNT(*) FROM categories WHERE user_id = @userId AND parent_id = @id) AS subcategories,
                       (SELECT COUNT(*) FROM recurring_rules WHERE user_id = @userId AND category_id = @id) AS recurring_rules,
                       (SELECT COUNT(*) FROM budget_lines WHERE user_id = @userId AND category_id = @id) AS budget_lines
                """, new { userId = caller.Id, id }));
        });

        group.MapPost("/", CategoryWrites.CreateAsync);
        group.MapPut("/{id:long}", CategoryWrites.UpdateAsync);
        group.MapDelete("/{id:long}", CategoryWrites.DeleteAsync);

        return group;
    }

    /// <summary>Finds and write-locks a category, so no transaction can start or stop using it until commit.</summary>
    internal static Task<CategoryRow?> LockAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, long id) =>
        connection.QuerySingleOrDefaultAsync<CategoryRow>(
            $"{SelectColumns} WHERE id = @id AND user_id = @userId FOR UPDATE", new { id, userId }, transaction);

    internal static Task<CategoryRow?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long id) =>
        connection.QuerySingleOrDefaultAsync<CategoryRow>(
            $"{SelectColumns} WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);
}
