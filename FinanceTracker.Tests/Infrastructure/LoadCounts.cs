using System.Collections.Concurrent;
using System.Net;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>What a <see cref="SteadyLoad"/> request was.</summary>
public enum LoadCall { List, Totals, Analytics, Create, Update, Delete, UploadReceipt, DownloadReceipt }

/// <summary>How a request ended, as a client sees it.</summary>
public enum LoadOutcome
{
    /// <summary>The status the call answers when it works.</summary>
    Ok,

    /// <summary>503 with <c>application/problem+json</c>: the expected answer while a server is down.</summary>
    Unavailable,

    /// <summary>Any other 5xx, or a 503 that is not problem details.</summary>
    ServerError,

    /// <summary>No answer within <see cref="SteadyLoad.HangBound"/>.</summary>
    Hang,

    /// <summary>The connection failed or was cut before an answer (the Api process gone).</summary>
    NoAnswer,

    /// <summary>A 4xx or other status the call never answers under normal conditions.</summary>
    Unexpected,
}

/// <summary>Every request a load sent, counted by phase (before, during, after a fault), call and outcome.</summary>
public sealed class LoadCounts
{
    private const int MaxSamples = 20;
    private readonly ConcurrentDictionary<(string Phase, LoadCall Call, LoadOutcome Outcome), int> counts = new();
    private readonly ConcurrentQueue<string> samples = new();

    public static LoadOutcome Classify(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected ? LoadOutcome.Ok
        : response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            ? LoadOutcome.Unavailable
        : (int)response.StatusCode >= 500 ? LoadOutcome.ServerError
        : LoadOutcome.Unexpected;

    public void Record(string phase, LoadCall call, LoadOutcome outcome, string? detail = null)
    {
        counts.AddOrUpdate((phase, call, outcome), 1, (_, n) => n + 1);
        if (outcome != LoadOutcome.Ok && samples.Count < MaxSamples)
        {
            samples.Enqueue($"[{phase}] {call}: {outcome} {detail}");
        }
    }

    /// <summary>Requests matching the filter (all when none is given).</summary>
    public int Count(string? phase = null, LoadOutcome? outcome = null, Func<LoadCall, bool>? call = null) =>
        counts.Where(c => (phase is null || c.Key.Phase == phase) && (outcome is null || c.Key.Outcome == outcome) && (call is null || call(c.Key.Call)))
            .Sum(c => c.Value);

    /// <summary>Requests that did not get their normal answer.</summary>
    public int Failed(string? phase = null, Func<LoadCall, bool>? call = null) => Count(phase, call: call) - Count(phase, LoadOutcome.Ok, call);

    /// <summary>The first failures, for assertion messages.</summary>
    public string Samples => samples.IsEmpty ? "(no failures)" : string.Join('\n', samples);

    /// <summary>"812 requests (reads 520, writes 292): ok 800, 503 12, other 5xx 0, hung 0, no answer 0, unexpected 0".</summary>
    public string Describe(string? phase = null) =>
        $"{Count(phase)} requests (reads {Count(phase, call: IsRead)}, writes {Count(phase, call: c => !IsRead(c))}): " +
        $"ok {Count(phase, LoadOutcome.Ok)}, 503 {Count(phase, LoadOutcome.Unavailable)}, other 5xx {Count(phase, LoadOutcome.ServerError)}, " +
        $"hung {Count(phase, LoadOutcome.Hang)}, no answer {Count(phase, LoadOutcome.NoAnswer)}, unexpected {Count(phase, LoadOutcome.Unexpected)}";

    public static bool IsRead(LoadCall call) => call is LoadCall.List or LoadCall.Totals or LoadCall.Analytics or LoadCall.DownloadReceipt;

    public static bool IsReceipt(LoadCall call) => call is LoadCall.UploadReceipt or LoadCall.DownloadReceipt;
}
