namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Gives memory back to the system after a burst. An import's preview or commit reads and keys every line of a file (a
/// 100,000-line file is some hundreds of MB of short-lived objects), and the GC keeps the heap it grew to: measured with
/// scripts/bench, the Api held 443 MB after one 100,000-line import and stayed there while idle. Once such a response has
/// been sent, a full compacting collection in aggressive mode (which decommits what it frees) runs when the heap has grown
/// past <see cref="Threshold"/>. It pauses the process for some tens of milliseconds, on endpoints that are rate-limited
/// and take seconds themselves.
/// </summary>
internal static class MemoryRelease
{
    private const long Threshold = 128L * 1024 * 1024;

    /// <summary>After each response of the endpoint, memory is given back when the heap has grown past the threshold.</summary>
    public static TBuilder ReleasesMemoryAfterward<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.OnCompleted(() =>
            {
                Release();
                return Task.CompletedTask;
            });
            return await next(context);
        });

    private static void Release()
    {
        if (GC.GetGCMemoryInfo().TotalCommittedBytes >= Threshold)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }
}
