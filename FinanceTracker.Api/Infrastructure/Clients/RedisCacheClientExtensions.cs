using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FinanceTracker.Api.Infrastructure.Clients;

/// <summary>
/// Aspire's Redis client (<c>AddRedisClient</c>: configuration keys, tracing, start-up activation) set up
/// for a cache the Api can do without: it starts and serves with Redis down, calls give up quickly, and
/// an outage makes <c>/health</c> Degraded rather than Unhealthy.
/// </summary>
public static class RedisCacheClientExtensions
{
    public static void AddRedisCacheClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var healthCheckWanted = true;
        builder.AddRedisClient(connectionName,
            settings =>
            {
                // Aspire's own check reports Unhealthy, which would take the Api out of rotation for a cache outage.
                healthCheckWanted = !settings.DisableHealthChecks;
                settings.DisableHealthChecks = true;
            },
            options =>
            {
                // Redis is a cache here: the app must keep answering from MySQL when it is down.
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
                options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
                options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
                options.ConnectRetry = 1;
            });

        if (healthCheckWanted)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"Redis_{connectionName}",
                sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()),
                failureStatus: HealthStatus.Degraded,
                tags: null,
                timeout: TimeSpan.FromSeconds(3)));
        }
    }
}
