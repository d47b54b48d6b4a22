using Dapper;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using FinanceTracker.Api.Transactions;
using MySqlConnector;

namespace FinanceTracker.Api.Categories;

internal static class CategoryWrites
{
    public static async Task<Results<Created<CategoryResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CategoryRequest request, MySqlDataSource db, CurrentUser caller)
    {
        var userId = caller.Id;
        var (name, kind) = (request.Name!.Trim(), request.Kind!.Value);
        await using var connection = await db.OpenConnectionAsync();
        if (await CheckParentAsync(connection, userId, null, request.ParentId, kind) is { } invalidParent)
        {
            return invalidParent;
        }

        const string sql = """
            INSERT INTO categories (user_id, name, kind, parent_id, color) VALUES (@userId, @name, @kind, @parentId, @color);
            SELECT LAST_INSERT_ID();
            """;
        try
        {
            var id = await connection.ExecuteScalarAsync<long>(sql, new { userId, name, kind = kind.ToDb(), request.ParentId, request.Color });
            var created = new CategoryResponse(id, name, kind, request.ParentId, request.Color);
            return TypedResults.Created($"/api/categories/{id}", created);
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return DuplicateName(name, kind);
        }
    }

    public static async Task<Results<Ok<CategoryResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, CategoryRequest request, MySqlDataSource db, CurrentUser caller)
    {
        var userId = caller.Id;
        var (name, kind) = (request.Name!.Trim(), request.Kind!.Value);
        await using var connection = await db.OpenConnectionAsync();
        var existing = await CategoriesApi.FindAsync(connection, null, userId, id);
        if (existing is null)
        {
            return TypedResults.NotFound();
        }
        if (await CheckParentAsync(connection, userId, id, request.ParentId, kind) is { } invalidParent)
        {
            return invalidParent;
        }
        if (!existing.Kind.Equals(kind.ToDb(), StringComparison.Ordinal) && await HasChildrenAsync(connection, userId, id))
        {
            return Problems.Invalid("kind", "A category with subcategories cannot change its kind.");
        }

        const string sql = """
            UPDATE categories SET name = @name, kind = @kind, parent_id = @parentId, color = @color
            WHERE id = @id AND user_id = @userId
            """;
        try
        {
            await connection.ExecuteAsync(sql, new { id, userId, name, kind = kind.ToDb(), request.ParentId, request.Color });
            return TypedResults.Ok(new CategoryResponse(id, name, kind, request.ParentId, request.Color));
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return DuplicateName(name, kind);
        }
    }

    /// <summary>
    /// Deletes a category; its transactions move to <paramref name="reassignTo"/>, or to no category with
    /// <paramref name="uncategorise"/>: one of the two is required when it has any.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        long id, long? reassignTo, bool? uncategorise, MySqlDataSource db, CurrentUser caller)
    {
        if (reassignTo is not null && uncategorise == true)
        {
            return Problems.Invalid("uncategorise", "Either move the transactions to another category or leave them without one, not both.");
        }
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Accounts before categories, the order every transaction write takes them in: a write holding its account
        // while it waits for the category would otherwise wait on this delete in a circle (a deadlock, then a 500).
        // Locked by primary key in id order, as writes lock them: a locking scan of the (user_id, name) index would take
        // that index first and deadlock with an account delete, which takes the primary key first.
        var accountIds = (await connection.QueryAsync<long>("SELECT id FROM accounts WHERE user_id = @userId", new { userId }, transaction)).ToArray();
        await TransactionWrites.LockAccountsAsync(connection, transaction, userId, accountIds);
        // Locked before the "in use" count, so a transaction being written in it is either counted or refused.
        var category = await CategoriesApi.LockAsync(connection, transaction, userId, id);
        if (category is null)
        {
            return TypedResults.NotFound();
        }

        if (reassignTo is { } targetId)
        {
            var target = await CategoriesApi.LockAsync(connection, transaction, userId, targetId);
            if (target is null || targetId == id || target.Kind != category.Kind)
            {
                return Problems.Invalid("reassignTo", "Choose another existing category of the same kind to move the transactions to.");
            }
            await connection.ExecuteAsync(
                "UPDATE transactions SET category_id = @targetId, version = version + 1 WHERE user_id = @userId AND category_id = @id",
                new { targetId, userId, id }, transaction);
            // Split parts in it move too; their transactions change version, as the edited rows do.
            await connection.ExecuteAsync("""
                UPDATE transactions t JOIN transaction_splits s ON s.transaction_id = t.id AND s.user_id = t.user_id
                SET t.version = t.version + 1, s.category_id = @targetId
                WHERE s.user_id = @userId AND s.category_id = @id
                """, new { targetId, userId, id }, transaction);
            await MonthlyTotals.MoveCategoryAsync(connection, transaction, userId, id, targetId);
        }
        else if (uncategorise == true)
        {
            await connection.ExecuteAsync(
                "UPDATE transactions SET category_id = NULL, version = version + 1 WHERE user_id = @userId AND category_id = @id",
                new { userId, id }, transaction);
            await connection.ExecuteAsync("""
                UPDATE transactions t JOIN transaction_splits s ON s.transaction_id = t.id AND s.user_id = t.user_id
                SET t.version = t.version + 1, s.category_id = NULL
                WHERE s.user_id = @userId AND s.category_id = @id
                """, new { userId, id }, transaction);
            // Month rows keep "no category" under category 0 (see M0003).
            await MonthlyTotals.MoveCategoryAsync(connection, transaction, userId, id, 0);
        }
        else
        {
            // A locking read sees the latest rows, not the snapshot the account read above began.
            var used = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM transactions WHERE user_id = @userId AND category_id = @id LOCK IN SHARE MODE", new { userId, id }, transaction)
                + await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(DISTINCT transaction_id) FROM transaction_splits WHERE user_id = @userId AND category_id = @id LOCK IN SHARE MODE", new { userId, id }, transaction);
            if (used > 0)
            {
                return Problems.Conflict(
                    $"{used} transaction(s) use this category. Pass ?reassignTo=<categoryId> to move them to another category, or ?uncategorise=true to leave them without one.");
            }
        }

        // Month rows left at zero by earlier deletes would otherwise outlive the category.
        await connection.ExecuteAsync("DELETE FROM monthly_totals WHERE user_id = @userId AND category_id = @id", new { id, userId }, transaction);
        await connection.ExecuteAsync("DELETE FROM categories WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);
        await transaction.CommitAsync();
        return TypedResults.NoContent();
    }

    private static async Task<ValidationProblem?> CheckParentAsync(
        MySqlConnection connection, long userId, long? categoryId, long? parentId, CategoryKind kind)
    {
        if (parentId is null)
        {
            return null;
        }
        // Walk up from the proposed parent: finding the category itself would make a cycle.
        var current = parentId;
        for (var depth = 0; current is not null && depth < 32; depth++)
        {
            var ancestor = await CategoriesApi.FindAsync(connection, null, userId, current.Value);
            if (ancestor is null || (depth == 0 && ancestor.Kind != kind.ToDb()))
            {
                return Problems.Invalid("parentId", "The parent must be an existing category of the same kind.");
            }
            if (ancestor.Id == categoryId)
            {
                return Problems.Invalid("parentId", "A category cannot be its own parent or ancestor.");
            }
            current = ancestor.ParentId;
        }
        return null;
    }

    private static async Task<bool> HasChildrenAsync(MySqlConnection connection, long userId, long id) =>
        await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM categories WHERE user_id = @userId AND parent_id = @id)", new { userId, id });

    private static ProblemHttpResult DuplicateName(string name, CategoryKind kind) =>
        Problems.Conflict($"You already have an {kind.ToDb()} category named '{name}'.", "name");
}
