using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Payees;

/// <summary>The person's payees: suggestions while typing, and renaming or merging them across their history.</summary>
public static class PayeesApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 5000;

    public static RouteGroupBuilder MapPayeesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/payees").WithTags("Payees").RequireAuthorization().RetriesDeadlocks();
        group.MapGet("/", ListAsync);
        group.MapPost("/merge", MergeAsync).InvalidatesAnalytics();
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<PayeeResponse>>, ValidationProblem>> ListAsync(
        string? q, string? limit, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit))
        {
            return Problems.Invalid("limit", $"'limit' must be a whole number from 1 to {MaxLimit}.");
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        return TypedResults.Ok(await PayeeStore.ListAsync(connection, caller.Id, q?.Trim() ?? "", take, cancellationToken));
    }

    private static async Task<Results<Ok<MergePayeesResult>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        MergePayeesRequest request, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var into = request.Into!.Trim();
        var from = request.From!.Select(name => name?.Trim() ?? "").ToList();
        if (into.Length == 0)
        {
            return Problems.Invalid("into", "The new payee name is required.");
        }
        if (from.FindIndex(name => name.Length == 0) is var blank and >= 0)
        {
            return Problems.Invalid($"from[{blank}]", "A payee to merge cannot be empty.");
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await PayeeStore.AnyAsync(connection, transaction, caller.Id, from))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such payee",
                detail: "None of these payees is on any of your transactions.");
        }
        var result = await PayeeStore.MergeAsync(connection, transaction, caller.Id, from, into);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(result);
    }
}
