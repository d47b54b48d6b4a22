using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Recurring;

/// <summary>An Api replica on the shared servers whose poster looks for due occurrences every <paramref name="interval"/>.</summary>
public sealed class FastPostingReplica(TestApp app, string interval = "00:00:01") : IAsyncDisposable
{
    private readonly ApiFactory factory = new(app, settings: new Dictionary<string, string> { ["Recurring:PostingInterval"] = interval });

    /// <summary>Starts the host, and with it the posting service's first pass.</summary>
    public FastPostingReplica Start()
    {
        factory.StartServer();
        return this;
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();
}
