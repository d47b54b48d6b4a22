namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Waits for what background work (a sweeper, a reconnect) makes true a little later.</summary>
public static class Eventually
{
    /// <summary>True as soon as <paramref name="condition"/> holds; false when it still does not after <paramref name="within"/> (30 s).</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(250);
        }
        return true;
    }
}
