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
    private static readonly Lazy<Task<TestApp>> shared = new(StartAsync);

    private readonly DistributedApplication app;
    private readonly string dataDirectory;
    private readonly ResourceLogTail logs;

    private TestApp(DistributedApplication app, string dataDirectory, Dictionary<string, string> connectionStrings)
    {
        this.app = app;
        this.dataDirectory = dataDirectory;
        ConnectionStrings = connectionStrings;
        logs = new ResourceLogTail(app.Services.GetRequiredService<ResourceLoggerService>(), "api", "web");
        ApiAddress = app.GetEndpoint("api", "http");
        WebAddress = app.GetEndpoint("web", "http");
    }

    public static Task<TestApp> SharedAsync() => shared.Value;

    internal static bool Started => shared.IsValueCreated;

    /// <summary>Connection strings by resource name: <c>mysql</c> (server level, root), <c>financedb</c>, <c>cache</c>, <c>receipts</c>.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    public Uri ApiAddress { get; }

    public Uri WebAddress { get; }

    public string RecentLog(string resource) => logs.Recent(resource);

    /// <summary>What the AppHost knows of each resource's state and health (the dashboard's view).</summary>
    public ResourceNotificationService Notifications => app.ResourceNotifications;

    private static async Task<TestApp> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"financetracker-tests-{Guid.NewGuid():N}");
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.FinanceTracker_AppHost>(
            [$"--BackingServers:DataDirectory={dataDirectory}", "--BackingServers:RandomPorts=true", "--BackingServers:MySqlBufferPool=256M",
             "--Logging:LogLevel:Default=Warning"]);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));
        // Production, as deployed: Development relaxes error handling in ways that would hide bugs.
        builder.CreateResourceBuilder<ProjectResource>("api").WithEnvironment("ASPNETCORE_ENVIRONMENT", "Production");
        builder.CreateResourceBuilder<ProjectResource>("web")
            .WithEnvironment("DataProtection__KeysPath", Path.Combine(dataDirectory, "web-keys"));
        foreach (var project in new[] { "api", "web" })
        {
            builder.CreateResourceBuilder<ProjectResource>(project).WithEnvironment("Logging__LogLevel__Default", "Warning");
        }

        var app = await builder.BuildAsync().WaitAsync(StartTimeout);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);

        var connectionStrings = new Dictionary<string, string>();
        foreach (var name in new[] { "mysql", "financedb", "cache", "receipts" })
        {
            connectionStrings[name] = await app.GetConnectionStringAsync(name, timeout.Token)
                ?? throw new InvalidOperationException($"The AppHost gave no connection string for {name}.");
        }
        return new TestApp(app, dataDirectory, connectionStrings);
    }

    /// <summary>Stops a resource through Aspire, as the dashboard's Stop button does, and waits until it has stopped.</summary>
    public async Task StopAsync(string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"Stopping {resource} failed: {result.Message}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.ResourceNotifications.WaitForResourceAsync(resource, [KnownResourceStates.Exited, KnownResourceStates.Finished], timeout.Token);
    }

    /// <summary>Starts a stopped resource through Aspire and waits until its health checks pass.</summary>
    public async Task StartAsync(string resource)
    {
        var result = await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        Assert.True(result.Success, $"Starting {resource} failed: {result.Message}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
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
        if (TestApp.Started)
        {
            await (await TestApp.SharedAsync()).DisposeAsync();
        }
    }
}
