using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace FinanceTracker.Tests.ServiceDefaults;

public sealed class TraceBudgetTests
{
    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        public long Ticks { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Ticks;
    }

    private static SamplingDecision Sample(Sampler sampler, ActivityContext parent = default) => sampler.ShouldSample(
        new SamplingParameters(parent, ActivityTraceId.CreateRandom(), "GET /api/transactions", ActivityKind.Server)).Decision;

    private static int Kept(Sampler sampler, int traces) =>
        Enumerable.Range(0, traces).Count(_ => Sample(sampler) == SamplingDecision.RecordAndSample);

    [Fact]
    public void TracesAreKeptUpToTheBudgetASecondAndTheBudgetRefillsWithTime()
    {
        var clock = new ManualClock();
        var budget = new TraceBudget(50, clock);

        Assert.Equal(50, Kept(budget, 200));
        Assert.Equal(0, Kept(budget, 10));

        clock.Ticks += TimeSpan.FromMilliseconds(100).Ticks;
        Assert.Equal(5, Kept(budget, 100));

        // Idle time saves up no more than one second's budget.
        clock.Ticks += TimeSpan.FromMinutes(10).Ticks;
        Assert.Equal(50, Kept(budget, 500));
    }

    [Fact]
    public void TheSpansOfATraceFollowItsRootWhateverIsLeftOfTheBudget()
    {
        var clock = new ManualClock();
        var sampler = new ParentBasedSampler(new TraceBudget(1, clock));
        Assert.Equal(SamplingDecision.RecordAndSample, Sample(sampler));
        Assert.Equal(SamplingDecision.Drop, Sample(sampler));

        var kept = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var dropped = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        Assert.Equal(SamplingDecision.RecordAndSample, Sample(sampler, kept));
        Assert.Equal(SamplingDecision.Drop, Sample(sampler, dropped));
    }
}
