namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// The phase a <see cref="SteadyLoad"/> counts requests under ("before", "outage", ...) and how many requests of each
/// phase are still waiting for their answer: a request is counted under the phase it was sent in, however late it ends.
/// </summary>
public sealed class LoadPhases
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> inFlight = [];
    private string current = "before";

    public string Current
    {
        get { lock (gate) return current; }
        set { lock (gate) current = value; }
    }

    /// <summary>Marks a request as sent under the current phase, which it returns.</summary>
    public string Sent()
    {
        lock (gate)
        {
            inFlight[current] = inFlight.GetValueOrDefault(current) + 1;
            return current;
        }
    }

    /// <summary>Marks a request of <paramref name="phase"/> as ended (answered, cut or given up on).</summary>
    public void Ended(string phase)
    {
        lock (gate)
        {
            if (--inFlight[phase] == 0) inFlight.Remove(phase);
        }
    }

    /// <summary>The requests sent under an earlier phase that have not ended yet ("before: 3"), or null when none.</summary>
    public string? EarlierInFlight()
    {
        lock (gate)
        {
            var earlier = inFlight.Where(p => p.Key != current).Select(p => $"{p.Key}: {p.Value}").ToList();
            return earlier.Count == 0 ? null : string.Join(", ", earlier);
        }
    }
}
