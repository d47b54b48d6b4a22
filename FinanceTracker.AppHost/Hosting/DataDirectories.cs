namespace FinanceTracker.AppHost.Hosting;

/// <summary>
/// A server process's data folder, the local-process counterpart of a container's data volume: kept under
/// <see cref="BackingServers.DataDirectory"/> after <c>WithDataVolume()</c>, else a fresh folder for this run only.
/// </summary>
public interface IResourceWithDataDirectory : IResource
{
    string DataDirectory { get; }

    void KeepData();

    static string RunOnly(string name) => Path.Combine(Path.GetTempPath(), $"financetracker-{name}-{Guid.NewGuid():N}");
}

/// <summary>Where a server's container keeps its data, for <see cref="DataVolumeExtensions.WithDataVolume{T}"/>.</summary>
public sealed record ContainerDataPathAnnotation(string Path) : IResourceAnnotation;

public static class DataVolumeExtensions
{
    /// <summary>Keeps a server's data across runs: a named volume for a container, a folder for a local process.</summary>
    public static IResourceBuilder<T> WithDataVolume<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        switch (builder.Resource)
        {
            case RedisResource redis:
                RedisBuilderExtensions.WithDataVolume(builder.ApplicationBuilder.CreateResourceBuilder(redis));
                break;
            case IResourceWithDataDirectory process:
                process.KeepData();
                break;
            case var container when container.TryGetLastAnnotation<ContainerDataPathAnnotation>(out var data):
                builder.WithAnnotation(new ContainerMountAnnotation(VolumeNameGenerator.Generate(builder, "data"), data.Path, ContainerMountType.Volume, isReadOnly: false));
                break;
        }
        return builder;
    }
}
