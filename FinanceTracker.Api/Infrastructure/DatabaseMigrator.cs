using System.Diagnostics;
using Dapper;
using FluentMigrator.Runner;
using MySqlConnector;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Applies pending FluentMigrator migrations before the server takes requests. A MariaDB named lock
/// (GET_LOCK) around the run makes replicas that start together migrate one after another.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IServiceScopeFactory scopeFactory, MySqlDataSource dataSource, MigrationMetrics metrics, ILogger<DatabaseMigrator> logger) : IHostedService
{
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(60);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One trace for the whole run: without a parent, each of its commands would be a root trace of its own.
        using var activity = ApiActivities.Source.StartActivity("Apply database migrations");
        try
        {
            var applied = await MigrateAsync(cancellationToken);
            activity?.SetTag("financetracker.migrations.applied", applied);
        }
        catch (Exception ex)
        {
            activity?.AddException(ex);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the pending migrations under the lock; returns how many there were.</summary>
    private async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenWhenReachableAsync(cancellationToken);
        // The lock is named after the database so test databases on one server don't queue behind each other.
        var acquired = await connection.ExecuteScalarAsync<int?>(
            "SELECT GET_LOCK(CONCAT('ft_migrate_', DATABASE()), 300)");
        if (acquired != 1)
        {
            throw new InvalidOperationException("Timed out waiting for the schema migration lock.");
        }

        try
        {
            using var scope = scopeFactory.CreateScope();
            var runner = scope.ServiceProvider.GetRequiredService<IMigrationRunner>();
            var versions = scope.ServiceProvider.GetRequiredService<IVersionLoader>();
            var started = Stopwatch.GetTimestamp();
            var pending = runner.MigrationLoader.LoadMigrations().Keys.Count(v => !versions.VersionInfo.HasAppliedMigration(v));
            runner.MigrateUp();
            metrics.Applied(pending);
            metrics.Ran(Stopwatch.GetElapsedTime(started));
            return pending;
        }
        finally
        {
            await connection.ExecuteAsync("SELECT RELEASE_LOCK(CONCAT('ft_migrate_', DATABASE()))");
        }
    }

    private async Task<MySqlConnection> OpenWhenReachableAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ConnectPatience;
        while (true)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (MySqlException ex) when (DateTime.UtcNow < deadline)
            {
                LogWaitingForDatabase(ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet, retrying: {Reason}")]
    private partial void LogWaitingForDatabase(string reason);
}
