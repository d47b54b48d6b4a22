using System.Diagnostics.Metrics;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>OpenTelemetry instruments of the start-up migration run: migrations applied, and how long a run took.</summary>
public sealed class MigrationMetrics
{
    public const string MeterName = "FinanceTracker.Migrations";

    private readonly Counter<long> applied;
    private readonly Histogram<double> duration;

    public MigrationMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        applied = meter.CreateCounter<long>("financetracker.migrations.applied", unit: "{migration}", description: "Schema migrations applied at start-up");
        duration = meter.CreateHistogram<double>("financetracker.migrations.duration", unit: "s", description: "Time the migration runner took at start-up, lock wait excluded");
    }

    public void Applied(int count) => applied.Add(count);

    public void Ran(TimeSpan elapsed) => duration.Record(elapsed.TotalSeconds);
}
