using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(FinanceTracker.Tests.Infrastructure.TestAppLifetime))]

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// The whole app as the AppHost describes it (MariaDB, Redis, Azurite, Api, Web), started once per test run on
/// first use, with its own data folder and ports. Tests that never ask for it (unit, bUnit) never start a server.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<Task<TestApp>> shared = new(() => StartAsync(NewDataDirectory(), backupDirectory: null));
    private static readonly string[] Resources = ["mysql", "financedb", "cache", "storage", "receipts", "api", "web"];

    /// <summary>Every resource of the AppHost, by name, for tests that check each one.</summary>
    public static TheoryData<string> ResourceNames => [.. Resources];

    private readonly DistributedApplication app;
    private readonly string dataDirectory;
    private readonly ResourceLogTail logs;

    private TestApp(DistributedApplication app, string dataDirectory, Dictionary<string, string> connectionStrings)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        ConnectionStrings = connectionStrings;
        logs = new ResourceLogTail(app.Services.GetRequiredService<ResourceLoggerService>(),
            app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Where(r => r.Name is "api" or "web" or "mysql" or "cache" or "storage"));
        ApiAddress = app.GetEndpoint("api", "http");
        WebAddress = app.GetEndpoint("web", "http");
    }

    public static Task<TestApp> SharedAsync() => shared.Value;

    /// <summary>Rate limits no test run reaches: the tests register hundreds of people from one address.</summary>
    public static IReadOnlyDictionary<string, string> GenerousRateLimits { get; } = new Dictionary<string, string>
    {
        ["SignInPerMinute"] = "1000000",
        ["RegisterPerMinute"] = "1000000",
        ["PasswordResetPerMinute"] = "1000000",
        ["OtherAuthPerMinute"] = "1000000",
        ["AccountAttempts"] = "1000000",
        ["UploadsPerMinute"] = "1000000",
    };

    /// <summary>
    /// A second, empty stack of its own (fresh data folder, servers and ports), for tests that need one beside the shared
    /// app, such as restoring a backup: it reads and writes backups in <paramref name="backupDirectory"/>. Dispose it.
    /// </summary>
    public static Task<TestApp> StartFreshAsync(string backupDirectory) => StartAsync(NewDataDirectory(), backupDirectory);

    /// <summary>Where this app's database commands write and read backups.</summary>
    public string BackupDirectory { get; private init; } = "";

    internal static bool Started => shared.IsValueCreated;

    /// <summary>Connection strings by resource name: <c>mysql</c> (server level, root), <c>financedb</c>, <c>cache</c>, <c>receipts</c>.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    public Uri ApiAddress { get; }

    public Uri WebAddress { get; }

    public string RecentLog(string resource) => logs.Recent(resource);

    /// <summary>What the AppHost knows of each resource's state and health (the dashboard's view).</summary>
    public ResourceNotificationService Notifications => app.ResourceNotifications;

    private static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), $"financetracker-tests-{Guid.NewGuid():N}");

    private static async Task<TestApp> StartAsync(string dataDirectory, string? backupDirectory)
    {
        backupDirectory ??= Path.Combine(dataDirectory, "backups");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.FinanceTracker_AppHost>(
            [$"--BackingServers:DataDirectory={dataDirectory}", "--BackingServers:RandomPorts=true", "--BackingServers:MySqlBufferPool=256M",
             $"--BackingServers:BackupDirectory={backupDirectory}", "--Logging:LogLevel:Default=Warning"]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        // Production, as deployed: Development relaxes error handling in ways that would hide bugs.
        builder.CreateResourceBuilder<ProjectResource>("api").WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production")
            // Every test signs up from 127.0.0.1: limits for a crowd (RateLimitTests proves them on a replica of its own).
            .WithEnvironment(context =>
            {
                foreach (var (key, value) in GenerousRateLimits) context.EnvironmentVariables["RateLimits__" + key] = value;
            })
            // Account emails (no SMTP host here) go to the log, where tests read their links.
            .WithEnvironment("Logging__LogLevel__FinanceTracker", "Information");
        builder.CreateResourceBuilder<ProjectResource>("web")
            .WithEnvironment("DataProtection__KeysPath", Path.Combine(dataDirectory, "web-keys"));
        foreach (var project in new[] { "api", "web" })
        {
            builder.CreateResourceBuilder<ProjectResource>(project).WithEnvironment("Logging__LogLevel__Default", "Warning");
        }
        // Without SMTP the Api logs each account email with its link; browser tests follow reset links from there.
        builder.CreateResourceBuilder<ProjectResource>("api").WithEnvironment("Logging__LogLevel__FinanceTracker.Api.Auth.Email", "Information");

        var app = await builder.BuildAsync().WaitAsync(StartTimeout);
        using var timeout = new CancellationTokenSource(StartTimeout);
        var logs = new ResourceLogTail(app.Services.GetRequiredService<ResourceLoggerService>(), Resources);
        try
        {
            // Watched from before the start: a server that fails to start makes waiting for health a wait forever.
            var failed = FirstFailureAsync(app, timeout.Token);
            var up = StartedAndHealthyAsync(app, timeout.Token);
            if (await Task.WhenAny(up, failed) == failed)
            {
                throw new InvalidOperationException($"{await failed} failed to start (missing prerequisites? run scripts/prereqs).\n"
                    + DescribeResources(app, logs));
            }
            await up;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            var description = DescribeResources(app, logs);
            await app.DisposeAsync(); // stops the servers that did start
            throw ex is InvalidOperationException ? ex : new TimeoutException(
                $"The AppHost did not bring the app up within {StartTimeout.TotalMinutes} minutes (missing prerequisites? run scripts/prereqs).\n"
                + description);
        }
        finally
        {
            logs.Dispose();
        }

        var connectionStrings = new Dictionary<string, string>();
        foreach (var name in new[] { "mysql", "financedb", "cache", "receipts" })
        {
            connectionStrings[name] = await app.GetConnectionStringAsync(name, timeout.Token)
                ?? throw new InvalidOperationException($"The AppHost gave no connection string for {name}.");
        }
        return new TestApp(app, dataDirectory, connectionStrings) { BackupDirectory = backupDirectory };
    }

    private static async Task StartedAndHealthyAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", cancellationToken);
    }

    /// <summary>The name of the first resource that fails to start: waiting for health after that is waiting forever.</summary>
    private static async Task<string> FirstFailureAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        await foreach (var update in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (update.Snapshot.State?.Text == KnownResourceStates.FailedToStart) return update.Resource.Name;
        }
        throw new OperationCanceledException(cancellationToken);
    }

    /// <summary>Each resource's state and health, with the last lines of those that are not healthy.</summary>
    private static string DescribeResources(DistributedApplication app, ResourceLogTail logs) =>
        string.Join('\n', Resources.Select(name =>
        {
            var snapshot = app.ResourceNotifications.TryGetCurrentState(name, out var resource) ? resource.Snapshot : null;
            var line = $"{name}: {snapshot?.State?.Text ?? "unknown"}, {snapshot?.HealthStatus?.ToString() ?? "no health yet"}";
            return snapshot?.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy ? line
                : $"{line}\n    {logs.Recent(name).Replace("\n", "\n    ", StringComparison.Ordinal)}";
        }));

    /// <summary>Stops a resource through Aspire, as the dashboard's Stop button does, and waits until it has stopped.</summary>
    public async Task StopAsync(string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"Stopping {resource} failed: {result.Message}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], timeout.Token);
    }

    /// <summary>
    /// Starts a stopped resource through Aspire and waits until its health checks pass. A server that exits as it starts
    /// (once in CI, redis-server right after a stop) is started once more; the second failure names the server's own log.
    /// What the callers test is the app around an outage, not the server's restart.
    /// </summary>
    public async Task StartAsync(string resource)
    {
        string? firstFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
            Assert.True(result.Success, $"Starting {resource} failed: {result.Message}");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
                if (firstFailure is not null) Console.WriteLine($"{resource} started on the second attempt; the first ended:\n{firstFailure}");
                return;
            }
            catch (Exception ex) when (attempt == 1 && ex is not OperationCanceledException)
            {
                firstFailure = $"{ex.Message}\n{logs.Recent(resource)}";
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"{resource} did not start and become healthy: {ex.Message}\n"
                    + $"first attempt: {firstFailure ?? "-"}\nits log:\n{logs.Recent(resource)}", ex);
            }
        }
    }

    /// <summary>Runs a resource's command (one of the dashboard's buttons) and returns what it answered.</summary>
    public Task<ExecuteCommandResult> ExecuteCommandAsync(string resource, string command) =>
        app.ResourceCommands.ExecuteCommandAsync(resource, command);

    /// <summary>
    /// Kills a resource's process and its children outright (SIGKILL: no graceful shutdown, requests in flight are cut),
    /// as a crash would, and waits until Aspire sees it gone. <see cref="StartAsync"/> brings it back.
    /// </summary>
    public async Task KillAsync(string resource)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} is unknown.");
        var pid = current.Snapshot.Properties.SingleOrDefault(p => p.Name == "executable.pid")?.Value
            ?? throw new InvalidOperationException($"{resource} has no process id.");
        using (var process = System.Diagnostics.Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture)))
        {
            process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        logs.Dispose();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server still flushing as it exits; the folder is under /tmp either way.
        }
    }
}

/// <summary>Stops the shared app, if any test started it, when the test run ends.</summary>
public sealed class TestAppLifetime : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        // A start that failed already stopped what it started.
        if (TestApp.Started && TestApp.SharedAsync().IsCompletedSuccessfully)
        {
            await (await TestApp.SharedAsync()).DisposeAsync();
        }
    }
}
