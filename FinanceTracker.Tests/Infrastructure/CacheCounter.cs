using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Counts the analytics cache counters of one Api instance only (meters are scoped to its IMeterFactory),
/// so tests running in parallel against other instances don't disturb the counts.
/// </summary>
public sealed class CacheCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long hits, misses, bypassed;

    public CacheCounter(IServiceProvider apiServices)
    {
        var scope = apiServices.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "FinanceTracker.Analytics" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            switch (instrument.Name)
            {
                case "financetracker.analytics.cache.hits": Interlocked.Add(ref hits, value); break;
                case "financetracker.analytics.cache.misses": Interlocked.Add(ref misses, value); break;
                case "financetracker.analytics.cache.bypassed": Interlocked.Add(ref bypassed, value); break;
            }
        });
        listener.Start();
    }

    public (long Hits, long Misses, long Bypassed) Read() => (Interlocked.Read(ref hits), Interlocked.Read(ref misses), Interlocked.Read(ref bypassed));

    public void Dispose() => listener.Dispose();
}
