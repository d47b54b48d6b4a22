using Aspire.Hosting.ApplicationModel;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>The last lines each watched resource wrote to its console, kept for failure reports.</summary>
internal sealed class ResourceLogTail : IDisposable
{
    private const int MaxLines = 200;
    private readonly Dictionary<string, Queue<string>> lines = [];
    private readonly CancellationTokenSource stop = new();

    public ResourceLogTail(ResourceLoggerService logger, params string[] resources)
    {
        foreach (var resource in resources)
        {
            var tail = lines[resource] = new Queue<string>();
            _ = Task.Run(() => FollowAsync(logger, resource, tail));
        }
    }

    private async Task FollowAsync(ResourceLoggerService logger, string resource, Queue<string> tail)
    {
        try
        {
            await foreach (var batch in logger.WatchAsync(resource).WithCancellation(stop.Token))
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
        var tail = lines[resource];
        lock (tail)
        {
            return string.Join('\n', tail);
        }
    }

    public void Dispose() => stop.Cancel();
}
