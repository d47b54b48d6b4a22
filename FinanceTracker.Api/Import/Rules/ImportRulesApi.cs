using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Import.Rules;

/// <summary>The person's import rules: "payee contains / equals / matches X → category Y, rename, tag".</summary>
public static class ImportRulesApi
{
    public static RouteGroupBuilder MapImportRulesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/import-rules").WithTags("Imports").RequireAuthorization();
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync).WithName("GetImportRule");
        group.MapPost("/", CreateAsync);
        group.MapPut("/{id:long}", UpdateAsync);
        group.MapDelete("/{id:long}", DeleteAsync);
        return group;
    }

    private static async Task<Ok<List<ImportRuleResponse>>> ListAsync(CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return TypedResults.Ok((await ImportRuleStore.ListAsync(connection, null, caller.Id)).Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<ImportRuleResponse>, NotFound>> GetAsync(long id, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await ImportRuleStore.FindAsync(connection, caller.Id, id) is { } rule ? TypedResults.Ok(rule.ToResponse()) : TypedResults.NotFound();
    }

    private static async Task<Results<Created<ImportRuleResponse>, ValidationProblem>> CreateAsync(
        ImportRuleRequest request, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var (rule, errors) = await CheckAsync(connection, caller.Id, request);
        if (rule is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var id = await ImportRuleStore.InsertAsync(connection, caller.Id, rule);
        var created = (await ImportRuleStore.FindAsync(connection, caller.Id, id))!;
        return TypedResults.Created($"/api/import-rules/{id}", created.ToResponse());
    }

    private static async Task<Results<Ok<ImportRuleResponse>, NotFound, ValidationProblem>> UpdateAsync(
        long id, ImportRuleRequest request, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var (rule, errors) = await CheckAsync(connection, caller.Id, request);
        if (rule is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await ImportRuleStore.UpdateAsync(connection, caller.Id, id, rule))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await ImportRuleStore.FindAsync(connection, caller.Id, id))!.ToResponse());
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await ImportRuleStore.DeleteAsync(connection, caller.Id, id) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    private static async Task<(ValidRule? Rule, Dictionary<string, string[]> Errors)> CheckAsync(
        MySqlConnection connection, long userId, ImportRuleRequest request)
    {
        var (rule, errors) = ValidRule.From(request);
        if (rule?.CategoryId is { } categoryId && !await ImportRuleStore.CategoryExistsAsync(connection, userId, categoryId))
        {
            return (null, new Dictionary<string, string[]> { ["categoryId"] = ["No such category."] });
        }
        return (rule, errors);
    }
}
