using Dapper;
using Microsoft.Extensions.Caching.Hybrid;
using MySqlConnector;
using StackExchange.Redis;

namespace FinanceTracker.Api.Analytics;

/// <summary>
/// Per-user analytics cache: HybridCache (memory, then Redis). The key carries the user's analytics_version
/// from MySQL, which every write bumps, so the next read after any write — on any replica — misses.
/// With Redis down the cache is skipped and reports come straight from MySQL.
/// </summary>
internal sealed class AnalyticsCache(HybridCache cache, IConnectionMultiplexer redis, MySqlDataSource dataSource, AnalyticsMetrics metrics)
{
    private static readonly HybridCacheEntryOptions EntryOptions = new()
    {
        Expiration = TimeSpan.FromHours(1),
        LocalCacheExpiration = TimeSpan.FromMinutes(5),
    };

    public async Task<T> GetOrComputeAsync<T>(long userId, string key, Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            metrics.Bypassed();
            return await compute(cancellationToken);
        }

        var version = await VersionAsync(userId, cancellationToken);
        var computed = false;
        try
        {
            var value = await cache.GetOrCreateAsync($"analytics:{userId}:{version}:{key}", async token =>
            {
                computed = true;
                return await compute(token);
            }, EntryOptions, cancellationToken: cancellationToken);
            metrics.Record(hit: !computed);
            return value;
        }
        catch (Exception ex) when (!computed && ex is RedisException or TimeoutException)
        {
            // Redis failed between the connectivity check and the read: answer from MySQL.
            metrics.Bypassed();
            return await compute(cancellationToken);
        }
    }

    /// <summary>Retires every cached report of the user (called after each successful write).</summary>
    public static async Task InvalidateAsync(MySqlDataSource dataSource, long userId)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE users SET analytics_version = analytics_version + 1 WHERE id = @userId", new { userId });
    }

    private async Task<long> VersionAsync(long userId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT analytics_version FROM users WHERE id = @userId", new { userId }, cancellationToken: cancellationToken));
    }
}
