using Dapper;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using MySqlConnector;

namespace FinanceTracker.Api.Tags;

/// <summary>A tag and how many of the person's transactions carry it.</summary>
public sealed record TagResponse(string Tag, long Count);

/// <summary>The person's tags, most used first: suggestions while typing (a prefix) and the tag filter's choices.</summary>
public static class TagsApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapTagsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/tags").WithTags("Tags").RequireAuthorization();
        group.MapGet("/", ListAsync);
        return group;
    }

    private static async Task<Results<Ok<List<TagResponse>>, ValidationProblem>> ListAsync(
        string? q, string? limit, CurrentUser caller, MySqlDataSource db, CancellationToken cancellationToken)
    {
        var take = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxLimit))
        {
            return Problems.Invalid("limit", $"'limit' must be a whole number from 1 to {MaxLimit}.");
        }
        var prefix = (q?.Trim() ?? "").Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        // The (user_id, tag, booking_date, transaction_id) index answers this without touching a transaction row.
        var rows = await connection.QueryAsync<TagResponse>(new CommandDefinition("""
            SELECT MIN(tag) AS tag, COUNT(*) AS count FROM transaction_tags
            WHERE user_id = @userId AND tag LIKE CONCAT(@prefix, '%')
            GROUP BY tag ORDER BY count DESC, tag LIMIT @take
            """, new { userId = caller.Id, prefix, take }, cancellationToken: cancellationToken));
        return TypedResults.Ok(rows.ToList());
    }
}
