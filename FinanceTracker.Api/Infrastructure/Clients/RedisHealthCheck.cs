using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace FinanceTracker.Api.Infrastructure.Clients;

/// <summary>A PING through the shared multiplexer; a failure reports the registration's status (Degraded).</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
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
