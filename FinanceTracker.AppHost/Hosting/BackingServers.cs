using System.Diagnostics;

namespace FinanceTracker.AppHost.Hosting;

/// <summary>How the servers behind the app (database, cache, storage) run.</summary>
public enum ServerBackend
{
    /// <summary>Local processes started by the AppHost (mariadbd, redis-server, azurite-blob): no container engine needed.</summary>
    LocalProcesses,

    /// <summary>Container images (MySQL 8.4, Redis, Azurite): where a container engine runs, and always when publishing.</summary>
    Containers,
}

/// <summary>Marks a server resource with the backend it runs on, so the model says which one was chosen.</summary>
public sealed record ServerBackendAnnotation(ServerBackend Backend) : IResourceAnnotation;

/// <summary>
/// The one place that chooses between local processes and containers, and where local processes keep their data.
/// Configuration: <c>BackingServers:Backend</c> (LocalProcesses or Containers; detected when unset),
/// <c>BackingServers:DataDirectory</c> (default <c>.local/data</c> in the repository) and
/// <c>BackingServers:RandomPorts</c> (true: free ports instead of the fixed ones, as tests want) and
/// <c>BackingServers:BackupDirectory</c> (default <c>.local/backups</c>).
/// </summary>
public sealed class BackingServers(IDistributedApplicationBuilder builder, ServerBackend backend, string dataDirectory)
{
    private readonly bool randomPorts = bool.TryParse(builder.Configuration["BackingServers:RandomPorts"], out var random) && random;

    public IDistributedApplicationBuilder Builder { get; } = builder;

    public ServerBackend Backend { get; } = backend;

    /// <summary>Where local processes keep what a container would keep in a volume: one folder per volume name.</summary>
    public string DataDirectory { get; } = dataDirectory;

    public string RepositoryRoot => Path.GetFullPath(Path.Combine(Builder.AppHostDirectory, ".."));

    /// <summary>Where backups go (<c>BackingServers:BackupDirectory</c>, default <c>.local/backups</c> in the repository).</summary>
    public string BackupDirectory => Builder.Configuration["BackingServers:BackupDirectory"] is { Length: > 0 } configured
        ? Path.GetFullPath(configured)
        : Path.Combine(RepositoryRoot, ".local", "backups");

    public static BackingServers Choose(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["BackingServers:Backend"];
        var backend = configured is { Length: > 0 } ? Enum.Parse<ServerBackend>(configured, ignoreCase: true)
            : builder.ExecutionContext.IsPublishMode || ContainerEngineAnswers() ? ServerBackend.Containers
            : ServerBackend.LocalProcesses;
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var dataDirectory = builder.Configuration["BackingServers:DataDirectory"] is { Length: > 0 } configuredDirectory
            ? Path.GetFullPath(configuredDirectory)
            : Path.Combine(repositoryRoot, ".local", "data");
        return new BackingServers(builder, backend, dataDirectory);
    }

    /// <summary>True when the container runtime Aspire would use (docker unless ASPIRE_CONTAINER_RUNTIME says podman) answers.</summary>
    private static bool ContainerEngineAnswers()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") is { Length: > 0 } name ? name : "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            // A client with no engine behind it fails at once or hangs on the socket; neither is an engine.
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no client at all
        }
    }

    /// <summary>The port a local server listens on: the fixed one, or none (DCP picks a free one) with RandomPorts.</summary>
    public int? Port(int? fixedPort) => randomPorts ? null : fixedPort;

    /// <summary>The full path of a program: a repository-local install first, then PATH and the sbin folders (mariadbd lives there).</summary>
    public string FindProgram(string name, params string[] localCandidates)
    {
        var searchPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var candidates = localCandidates.Select(c => Path.Combine(RepositoryRoot, c))
            .Concat(searchPath.Concat(["/usr/sbin", "/usr/local/sbin", "/usr/bin"]).Select(folder => Path.Combine(folder, name)));
        // Not found: the bare name, so the resource fails to start with a clear "not found" in the dashboard.
        return candidates.FirstOrDefault(File.Exists) ?? name;
    }
}
