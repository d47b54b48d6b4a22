using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Stand-in for Aspire.StackExchange.Redis's <c>AddRedisClient</c> (same name, same keys:
/// <c>ConnectionStrings:{name}</c>, section <c>Aspire:StackExchange:Redis</c>). Registers one shared
/// <see cref="IConnectionMultiplexer"/> that never blocks start-up when Redis is down.
/// </summary>
public static class RedisClientExtensions
{
    private const string ConfigurationSection = "Aspire:StackExchange:Redis";

    public static void AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind(builder.Configuration, ConfigurationSection, connectionName);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{ConfigurationSection}:ConnectionString'.");
        }

        var options = ConfigurationOptions.Parse(settings.ConnectionString);
        // Redis is a cache here: the app must keep answering from MySQL when it is down.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.ConnectRetry = 1;

        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"Redis_{connectionName}",
                sp => new RedisHealthCheck(sp.GetRequiredService<IConnectionMultiplexer>()),
                failureStatus: HealthStatus.Degraded,
                tags: null,
                timeout: TimeSpan.FromSeconds(3)));
        }

        if (!settings.DisableTracing)
        {
            // The OpenTelemetry Redis instrumentation package does not restore here; the client's own meter does.
            builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter("StackExchange.Redis"));
        }
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Redis is unreachable.", ex);
            }
        }
    }
}
