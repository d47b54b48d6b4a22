using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Every span a host's OpenTelemetry pipeline exports, as the dashboard would receive it. ActivitySources
/// are process-wide, so it also sees other test hosts' spans: tests pick theirs out by database name.
/// </summary>
internal sealed class SpanCollector : BaseProcessor<Activity>
{
    private readonly ConcurrentQueue<Activity> ended = new();

    public IReadOnlyList<Activity> Ended => [.. ended];

    public override void OnEnd(Activity data) => ended.Enqueue(data);

    /// <summary>MySqlConnector's spans of commands on <paramref name="database"/>.</summary>
    public IReadOnlyList<Activity> DatabaseSpans(string database) =>
        [.. Ended.Where(a => a.Source.Name == "MySqlConnector"
                             && database.Equals((a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name")) as string, StringComparison.Ordinal))];

    /// <summary>The ended root spans of the traces the <paramref name="spans"/> belong to.</summary>
    public IReadOnlyList<Activity> RootsOf(IEnumerable<Activity> spans)
    {
        var traces = spans.Select(s => s.TraceId).ToHashSet();
        return [.. Ended.Where(a => traces.Contains(a.TraceId) && a.ParentSpanId == default)];
    }
}

/// <summary>
/// Measurements of one meter, remembered with the IMeterFactory that made the meter, so a test reads
/// only its own host's (a host's meter factory is known only once it has started, after start-up work).
/// </summary>
internal sealed class ScopedMeasurements : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(object? Scope, string Instrument, double Value)> recorded = new();

    public ScopedMeasurements(string meterName)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == meterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => recorded.Enqueue((instrument.Meter.Scope, instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => recorded.Enqueue((instrument.Meter.Scope, instrument.Name, value)));
        listener.Start();
    }

    public double Sum(IMeterFactory scope, string instrument) => Of(scope, instrument).Sum();

    public int Count(IMeterFactory scope, string instrument) => Of(scope, instrument).Count();

    public void Dispose() => listener.Dispose();

    private IEnumerable<double> Of(IMeterFactory scope, string instrument) =>
        recorded.Where(r => ReferenceEquals(r.Scope, scope) && r.Instrument == instrument).Select(r => r.Value);
}
