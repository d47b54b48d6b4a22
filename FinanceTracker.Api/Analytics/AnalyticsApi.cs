using Dapper;
using FinanceTracker.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Analytics;

public static class AnalyticsApi
{
    public static RouteGroupBuilder MapAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/analytics").WithTags("Analytics").RequireAuthorization();

        group.MapGet("/summary", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "summary", (store, userId, query, token) => store.SummaryAsync(userId, query, token), ct));
        group.MapGet("/by-category", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "by-category", (store, userId, query, token) => store.ByCategoryAsync(userId, query, token), ct));
        group.MapGet("/monthly", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "monthly", (store, userId, query, token) => store.MonthlyAsync(userId, query, token), ct));
        group.MapGet("/top-payees", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "top-payees", (store, userId, query, token) => store.TopPayeesAsync(userId, query, token), ct));
        group.MapGet("/daily", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "daily", (store, userId, query, token) => store.DailyAsync(userId, query, token), ct));
        group.MapGet("/tags", (HttpRequest request, CurrentUser caller, AnalyticsReports reports, CancellationToken ct) =>
            reports.RunAsync(request.Query, caller, "tags", (store, userId, query, token) => store.TagsAsync(userId, query, token), ct));

        return group;
    }
}

/// <summary>What every report does first: parse the query, check the account is the caller's, go through the cache.</summary>
internal sealed class AnalyticsReports(AnalyticsStore store, AnalyticsCache cache, MySqlDataSource dataSource, TimeProvider clock)
{
    public async Task<Results<Ok<T>, ValidationProblem, NotFound>> RunAsync<T>(
        IQueryCollection parameters, CurrentUser caller, string report, Func<AnalyticsStore, long, AnalyticsQuery, CancellationToken, Task<T>> compute, CancellationToken ct)
    {
        var (query, errors) = AnalyticsQuery.Parse(parameters, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var userId = caller.Id;
        if (query.AccountId is { } accountId && !await OwnsAccountAsync(userId, accountId, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(await cache.GetOrComputeAsync(userId, query.CacheKey(report), token => compute(store, userId, query, token), ct));
    }

    private async Task<bool> OwnsAccountAsync(long userId, long accountId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM accounts WHERE id = @accountId AND user_id = @userId)", new { accountId, userId }, cancellationToken: ct));
    }
}
