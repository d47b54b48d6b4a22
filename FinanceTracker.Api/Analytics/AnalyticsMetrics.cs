using System.Diagnostics.Metrics;

namespace FinanceTracker.Api.Analytics;

/// <summary>OpenTelemetry counters for the analytics cache: hits, misses, and reads that skipped it (Redis down).</summary>
public sealed class AnalyticsMetrics
{
    public const string MeterName = "FinanceTracker.Analytics";

    private readonly Counter<long> hits;
    private readonly Counter<long> misses;
    private readonly Counter<long> bypassed;

    public AnalyticsMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        hits = meter.CreateCounter<long>("financetracker.analytics.cache.hits", description: "Analytics reads served from the cache");
        misses = meter.CreateCounter<long>("financetracker.analytics.cache.misses", description: "Analytics reads computed from MySQL and cached");
        bypassed = meter.CreateCounter<long>("financetracker.analytics.cache.bypassed", description: "Analytics reads computed from MySQL because Redis was unavailable");
    }

    public void Record(bool hit) => (hit ? hits : misses).Add(1);

    public void Bypassed() => bypassed.Add(1);
}
