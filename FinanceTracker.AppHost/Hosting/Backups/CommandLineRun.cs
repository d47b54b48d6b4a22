using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>
/// <c>--BackingServers:Run=backup</c> (or <c>restore</c>, <c>restore-replacing</c>): the AppHost starts the app as always,
/// runs that database command once the Api is healthy, prints its answer and stops, exiting 0 or 1. This is how
/// scripts/backup and scripts/restore work without the dashboard, on the one description of the app.
/// </summary>
internal sealed partial class CommandLineRun(string database, string api, string command, ResourceNotificationService notifications,
    ResourceCommandService commands, IHostApplicationLifetime lifetime, ILogger<CommandLineRun> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Healthy means its migrations ran: a restore then stops it, so nothing writes while the data is replaced.
        await notifications.WaitForResourceHealthyAsync(api, stoppingToken);
        var result = await commands.ExecuteCommandAsync(database, command, stoppingToken);
        if (result.Success) LogDone(command, result.Message ?? "done");
        else LogFailed(command, result.Message ?? "no reason given");
        Environment.ExitCode = result.Success ? 0 : 1;
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Command}: {Message}")]
    private partial void LogDone(string command, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Command} failed: {Message}")]
    private partial void LogFailed(string command, string message);
}
