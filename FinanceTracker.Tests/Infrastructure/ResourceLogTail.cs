using Aspire.Hosting.ApplicationModel;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>The last lines each watched resource wrote to its console, kept for failure reports.</summary>
internal sealed class ResourceLogTail : IDisposable
{
    private const int MaxLines = 200;
    private readonly Dictionary<string, Queue<string>> lines = [];
    private readonly CancellationTokenSource stop = new();

    public ResourceLogTail(ResourceLoggerService logger, params string[] resources)
        : this(resources.Select(resource => (resource, (Func<IAsyncEnumerable<IReadOnlyList<LogLine>>>)(() => logger.WatchAsync(resource)))))
    {
    }

    /// <summary>Every replica of each resource (a project's log is kept under its instance's name, not the resource's).</summary>
    public ResourceLogTail(ResourceLoggerService logger, IEnumerable<IResource> resources)
        : this(resources.Select(resource => (resource.Name, (Func<IAsyncEnumerable<IReadOnlyList<LogLine>>>)(() => logger.WatchAsync(resource)))))
    {
    }

    private ResourceLogTail(IEnumerable<(string Name, Func<IAsyncEnumerable<IReadOnlyList<LogLine>>> Watch)> resources)
    {
        foreach (var (name, watch) in resources)
        {
            var tail = lines[name] = new Queue<string>();
            _ = Task.Run(() => FollowAsync(watch, tail));
        }
    }

    private async Task FollowAsync(Func<IAsyncEnumerable<IReadOnlyList<LogLine>>> watch, Queue<string> tail)
    {
        try
        {
            await foreach (var batch in watch().WithCancellation(stop.Token))
            {
                lock (tail)
                {
                    foreach (var line in batch)
                    {
                        tail.Enqueue(line.Content);
                        if (tail.Count > MaxLines) tail.Dequeue();
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public string Recent(string resource)
    {
        if (!lines.TryGetValue(resource, out var tail))
        {
            return $"(no log lines kept for {resource})";
        }
        lock (tail)
        {
            return string.Join('\n', tail);
        }
    }

    public void Dispose() => stop.Cancel();
}
