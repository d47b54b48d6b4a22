using FinanceTracker.AppHost.Hosting.MySql;
using FinanceTracker.AppHost.Hosting.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>
/// "Back up now" and "Restore newest backup" on the database in the dashboard (and for tests and scripts, through
/// Aspire's resource commands): the database dump and the receipt blobs together, under <see cref="BackingServers.BackupDirectory"/>.
/// </summary>
public static class BackupCommands
{
    public const string BackUp = "backup";
    public const string Restore = "restore";
    public const string RestoreReplacing = "restore-replacing";

    public static void AddBackups(this BackingServers servers, IResourceBuilder<MySqlDatabaseResource> database,
        IResourceBuilder<AzureBlobsResource> receipts, IResourceBuilder<IResourceWithConnectionString> cache, IResourceBuilder<ProjectResource> api)
    {
        var sets = new BackupSets(servers, servers.BackupDirectory);
        database
            .WithCommand(BackUp, "Back up now", context => RunAsync(context, async () =>
                {
                    var (folder, manifest) = await sets.CreateAsync(
                        await ConnectionStringAsync(database.Resource, context), await ConnectionStringAsync(receipts.Resource, context), context.CancellationToken);
                    return $"Backed up to {folder}: {manifest}";
                }),
                new CommandOptions { Description = $"Dumps the database and copies every receipt into a new folder under {sets.Root}.", IconName = "Save", UpdateState = WhenRunning })
            .WithCommand(Restore, "Restore newest backup", context => RestoreAsync(context, force: false),
                new CommandOptions { Description = "Restores the newest backup into an empty database; refuses one that holds data.", IconName = "ArrowUndo", UpdateState = WhenRunning })
            .WithCommand(RestoreReplacing, "Restore newest backup, replacing data", context => RestoreAsync(context, force: true),
                new CommandOptions
                {
                    Description = "Replaces the database and the receipts with the newest backup.",
                    ConfirmationMessage = "Everything written since the newest backup will be lost. Restore it anyway?",
                    IconName = "ArrowUndo",
                    UpdateState = WhenRunning,
                });

        if (servers.Builder.Configuration["BackingServers:Run"] is { Length: > 0 } command)
        {
            servers.Builder.Services.AddHostedService(services => ActivatorUtilities.CreateInstance<CommandLineRun>(
                services, database.Resource.Name, api.Resource.Name, command));
        }

        Task<ExecuteCommandResult> RestoreAsync(ExecuteCommandContext context, bool force) => RunAsync(context, async () =>
        {
            var apiStopped = false;
            var (folder, manifest) = await sets.RestoreNewestAsync(
                await ConnectionStringAsync(database.Resource, context), await ConnectionStringAsync(receipts.Resource, context), force,
                async () => apiStopped = await StopAsync(context, api.Resource), context.CancellationToken);
            // Cached analytics describe the data that was just replaced.
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(await ConnectionStringAsync(cache.Resource, context)))
            {
                await redis.GetDatabase().ExecuteAsync("FLUSHDB");
            }
            if (apiStopped) await StartAsync(context, api.Resource);
            return $"Restored {folder}: {manifest}";
        });
    }

    private static ResourceCommandState WhenRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;

    private static async Task<ExecuteCommandResult> RunAsync(ExecuteCommandContext context, Func<Task<string>> work)
    {
        try
        {
            var message = await work();
            context.Logger.LogInformation("{Message}", message);
            return CommandResults.Success(message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException
                                       or MySqlConnector.MySqlException or Azure.RequestFailedException or RedisException)
        {
            context.Logger.LogError("{Command} failed: {Reason}", context.ResourceName, ex.Message);
            return CommandResults.Failure(ex.Message);
        }
    }

    private static async Task<string> ConnectionStringAsync(IResourceWithConnectionString resource, ExecuteCommandContext context) =>
        await resource.ConnectionStringExpression.GetValueAsync(context.CancellationToken)
        ?? throw new InvalidOperationException($"{resource.Name} has no connection string yet.");

    /// <summary>Stops the Api while its data is replaced under it; false when it was not running.</summary>
    private static async Task<bool> StopAsync(ExecuteCommandContext context, IResource api)
    {
        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        if (!notifications.TryGetCurrentState(api.Name, out var current) || current.Snapshot.State?.Text != KnownResourceStates.Running) return false;
        var stopped = await context.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(api, KnownResourceCommands.StopCommand, context.CancellationToken);
        if (!stopped.Success) throw new InvalidOperationException($"Could not stop {api.Name}: {stopped.Message}");
        await notifications.WaitForResourceAsync(api.Name, [KnownResourceStates.Exited, KnownResourceStates.Finished], context.CancellationToken);
        return true;
    }

    private static async Task StartAsync(ExecuteCommandContext context, IResource api)
    {
        var started = await context.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(api, KnownResourceCommands.StartCommand, context.CancellationToken);
        if (!started.Success) throw new InvalidOperationException($"Restored, but {api.Name} did not start again: {started.Message}");
        await context.Services.GetRequiredService<ResourceNotificationService>().WaitForResourceHealthyAsync(api.Name, context.CancellationToken);
    }
}
