using Dapper;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Budgets;

/// <summary>A month's budget per currency: set it, read it against what was spent, copy it from another month.</summary>
public static class BudgetsApi
{
    public static RouteGroupBuilder MapBudgetsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/budgets").WithTags("Budgets").RequireAuthorization().RetriesDeadlocks();
        group.MapGet("/{month}", GetAsync);
        group.MapPut("/{month}", PutAsync);
        group.MapPost("/{month}/copy-from/{source}", CopyAsync);
        return group;
    }

    private static async Task<Results<Ok<BudgetResponse>, ValidationProblem>> GetAsync(
        string month, string? currency, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var first = BudgetRules.ReadMonth(month, "month", errors);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var code = currency is null && await BudgetStore.DefaultCurrencyAsync(connection, caller.Id) is { } fallback
            ? fallback
            : BudgetRules.ReadCurrency(currency, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await ReadAsync(connection, caller.Id, code!, first!.Value));
    }

    private static async Task<Results<Ok<BudgetResponse>, ValidationProblem>> PutAsync(
        string month, BudgetRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var first = BudgetRules.ReadMonth(month, "month", errors);
        var currency = BudgetRules.ReadCurrency(request.Currency, errors);
        if (currency is not null)
        {
            BudgetRules.CheckLines(request.Lines!, currency, errors);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lines = request.Lines!.Select(l => (l!.CategoryId!.Value, l.Amount!.Value, l.Rollover)).ToList();
        if (await CheckCategoriesAsync(connection, transaction, caller.Id, lines.Select(l => l.Item1).ToList()) is { Count: > 0 } invalid)
        {
            return TypedResults.ValidationProblem(invalid);
        }
        await BudgetStore.ReplaceAsync(connection, transaction, caller.Id, currency!, first!.Value, lines);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(connection, caller.Id, currency!, first.Value));
    }

    /// <summary>The target month's lines become the source month's (amounts and rollover flags; what rolled over is not copied).</summary>
    private static async Task<Results<Ok<BudgetResponse>, ValidationProblem, ProblemHttpResult>> CopyAsync(
        string month, string source, string? currency, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var target = BudgetRules.ReadMonth(month, "month", errors);
        var from = BudgetRules.ReadMonth(source, "source", errors);
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var code = currency is null && await BudgetStore.DefaultCurrencyAsync(connection, caller.Id) is { } fallback
            ? fallback
            : BudgetRules.ReadCurrency(currency, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lines = await BudgetStore.LinesAsync(connection, transaction, caller.Id, code!, from!.Value, from.Value);
        var expense = (await BudgetStore.CategoriesAsync(connection, transaction, caller.Id)).Where(c => c.IsExpense).Select(c => c.Id).ToHashSet();
        var copied = lines.Where(l => expense.Contains(l.CategoryId)).Select(l => (l.CategoryId, l.Amount, l.Rollover)).ToList();
        if (copied.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to copy",
                detail: $"{from.Value:yyyy-MM} has no budget in {code} to copy.");
        }
        await BudgetStore.ReplaceAsync(connection, transaction, caller.Id, code!, target!.Value, copied);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ReadAsync(connection, caller.Id, code!, target.Value));
    }

    /// <summary>Each line's category must be one of the caller's expense categories; they stay locked until commit.</summary>
    private static async Task<Dictionary<string, string[]>> CheckCategoriesAsync(
        MySqlConnection connection, MySqlTransaction transaction, long userId, IReadOnlyList<long> ids)
    {
        var errors = new Dictionary<string, string[]>();
        if (ids.Count == 0)
        {
            return errors;
        }
        var kinds = (await connection.QueryAsync<(long Id, string Kind)>(
            "SELECT id, kind FROM categories WHERE user_id = @userId AND id IN @ids LOCK IN SHARE MODE", new { userId, ids }, transaction))
            .ToDictionary(c => c.Id, c => c.Kind);
        for (var i = 0; i < ids.Count; i++)
        {
            var message = kinds.GetValueOrDefault(ids[i]) switch
            {
                null => "No such category.",
                "expense" => null,
                _ => "Budgets are for expense categories; this is an income category.",
            };
            if (message is not null)
            {
                errors[$"lines[{i}].categoryId"] = [message];
            }
        }
        return errors;
    }

    private static async Task<BudgetResponse> ReadAsync(MySqlConnection connection, long userId, string currency, DateOnly month)
    {
        var rolling = await BudgetStore.RolloverLinesBeforeAsync(connection, userId, currency, month);
        var start = BudgetCalculator.ChainStart(month, rolling);
        var lines = await BudgetStore.LinesAsync(connection, null, userId, currency, start, month);
        var totals = await BudgetStore.TotalsAsync(connection, userId, currency, start, month);
        var categories = await BudgetStore.CategoriesAsync(connection, null, userId);
        return new BudgetCalculator(categories, currency).Calculate(month, lines, totals);
    }
}
