using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MySqlConnector;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Stand-in for Aspire.MySqlConnector's <c>AddMySqlDataSource</c> (same name, same configuration keys:
/// <c>ConnectionStrings:{name}</c>, section <c>Aspire:MySqlConnector</c>), because that package is not
/// served in this build environment. Delete this file and reference the package where it is; the
/// namespace is the package's, so call sites stay as they are.
/// </summary>
public static class MySqlDataSourceExtensions
{
    private const string ConfigurationSection = "Aspire:MySqlConnector";

    public static void AddMySqlDataSource(this IHostApplicationBuilder builder, string connectionName, Action<ClientSettings>? configureSettings = null)
    {
        var settings = ClientSettings.Bind(builder.Configuration, ConfigurationSection, connectionName);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{ConfigurationSection}:ConnectionString'.");
        }
        configureSettings?.Invoke(settings);

        var connectionString = WithOutageTimeouts(settings.ConnectionString!);
        builder.Services.AddSingleton(_ => new MySqlDataSourceBuilder(connectionString).Build());

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"MySql_{connectionName}",
                sp => new MySqlHealthCheck(sp.GetRequiredService<MySqlDataSource>()),
                failureStatus: HealthStatus.Unhealthy,
                tags: null,
                timeout: TimeSpan.FromSeconds(5)));
        }

        if (!settings.DisableTracing)
        {
            builder.Services.AddOpenTelemetry()
                .WithTracing(t => t.AddSource("MySqlConnector"))
                .WithMetrics(m => m.AddMeter("MySqlConnector"));
        }
    }

    /// <summary>
    /// A connect attempt that gets no answer gives up after 5 s unless the connection string says otherwise
    /// (MySqlConnector waits 15 s): a database that hangs makes requests fail fast with 503, not pile up.
    /// </summary>
    private static string WithOutageTimeouts(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        string[] timeoutKeys = ["Connection Timeout", "Connect Timeout", "ConnectionTimeout", "connection-timeout"];
        if (timeoutKeys.Any(given.ContainsKey))
        {
            return connectionString;
        }
        return new MySqlConnectionStringBuilder(connectionString) { ConnectionTimeout = 5 }.ConnectionString;
    }

    private sealed class MySqlHealthCheck(MySqlDataSource dataSource) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var command = new MySqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is MySqlException or OperationCanceledException or InvalidOperationException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "MySQL is unreachable.", ex);
            }
        }
    }
}
