using System.Diagnostics;

namespace FinanceTracker.Bench;

/// <summary>Requests per second of the big person's first page with 1, 8 and 32 clients at once, each for a fixed time.</summary>
internal sealed class ThroughputFigures(BenchApi api, BenchOptions options, Results results)
{
    public async Task RunAsync(Person person)
    {
        foreach (var clients in new[] { 1, 8, 32 })
        {
            await LoadAsync(person, clients, TimeSpan.FromSeconds(2)); // connections and thread pool up first
            var (done, failed, seconds) = await LoadAsync(person, clients, TimeSpan.FromSeconds(options.ThroughputSeconds));
            results.Add($"throughput.list_c{clients}_rps", $"first page, {clients} at once, {seconds:F0} s" + (failed > 0 ? $" ({failed} failed)" : ""),
                done / seconds, "req/s");
        }
    }

    private async Task<(long Done, long Failed, double Seconds)> LoadAsync(Person person, int clients, TimeSpan duration)
    {
        long done = 0, failed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (watch.Elapsed < duration)
            {
                using var request = BenchApi.Request(HttpMethod.Get, "/api/transactions?pageSize=50&totals=false", person.Auth);
                using var response = await api.Http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref done : ref failed);
            }
        })));
        return (done, failed, watch.Elapsed.TotalSeconds);
    }
}
