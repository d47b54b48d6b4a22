using System.Diagnostics;

namespace FinanceTracker.Bench;

/// <summary>Median, p95 and p99 (nearest rank) of one figure's requests, and how many there were.</summary>
internal sealed record Latency(double MedianMs, double P95Ms, double P99Ms, int Count)
{
    public static Latency Of(List<double> milliseconds)
    {
        milliseconds.Sort();
        double Rank(double p) => milliseconds[Math.Clamp((int)Math.Ceiling(p * milliseconds.Count) - 1, 0, milliseconds.Count - 1)];
        return new Latency(Rank(0.5), Rank(0.95), Rank(0.99), milliseconds.Count);
    }
}

/// <summary>Times requests one after another: a few unmeasured first (connections, JIT), then up to n, bounded in time.</summary>
internal sealed class RequestTimer(BenchOptions options)
{
    public async Task<Latency> MeasureAsync(Func<int, Task> request, Func<int, Task>? before = null, int warmup = 3, int? count = null)
    {
        for (var i = 0; i < warmup; i++)
        {
            if (before is not null) await before(-1 - i);
            await request(-1 - i);
        }
        var times = new List<double>();
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < (count ?? options.Requests) && (times.Count < 10 || budget.Elapsed.TotalSeconds < options.FigureSeconds); i++)
        {
            if (before is not null) await before(i);
            var started = Stopwatch.GetTimestamp();
            await request(i);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Latency.Of(times);
    }

    /// <summary>
    /// Each request measured in turn with the others (a, b, c, a, b, c, …): figures to be compared with each other (a
    /// ratio) then meet the same moments of the machine's noise, which one figure after another did not.
    /// </summary>
    public async Task<IReadOnlyList<Latency>> MeasureInTurnAsync(IReadOnlyList<Func<Task>> requests, int warmup = 30)
    {
        for (var i = 0; i < warmup; i++)
        {
            foreach (var request in requests)
            {
                await request();
            }
        }
        var times = requests.Select(_ => new List<double>()).ToList();
        var budget = Stopwatch.StartNew();
        for (var i = 0; i < options.Requests && (i < 10 || budget.Elapsed.TotalSeconds < options.FigureSeconds); i++)
        {
            for (var r = 0; r < requests.Count; r++)
            {
                var started = Stopwatch.GetTimestamp();
                await requests[r]();
                times[r].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        return times.Select(Latency.Of).ToList();
    }

    /// <summary>
    /// Sends the requests in turn, again and again, for <see cref="BenchOptions.WarmUpSeconds"/>: the code they run is then
    /// compiled at full optimization (tiered JIT) in the Api and in this process. Gives the first request's latencies.
    /// </summary>
    public async Task<Latency> WarmUpAsync(IReadOnlyList<Func<Task>> requests)
    {
        var first = new List<double>();
        var budget = Stopwatch.StartNew();
        while (first.Count == 0 || budget.Elapsed.TotalSeconds < options.WarmUpSeconds)
        {
            var started = Stopwatch.GetTimestamp();
            await requests[0]();
            first.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var request in requests.Skip(1))
            {
                await request();
            }
        }
        return Latency.Of(first);
    }
}
