namespace FinanceTracker.Api.Import;

/// <summary>
/// An upload as its last preview read and keyed it, kept briefly in this process so that the commit which follows need
/// not read and fingerprint the file again. Only the file's side is kept: what the database holds (rows imported
/// before, look-alikes, rules, categories) is looked up again at commit. A miss (another Api instance, a restart, a
/// different mapping or account, an entry evicted) reads the file again, as before.
/// </summary>
internal static class ImportPlanCache
{
    // Bounded by rows (a 100,000-line file holds some tens of MB) and by age: a preview left open is not kept for long.
    private const int MaxRows = 250_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly Lock Gate = new();
    private static readonly LinkedList<Entry> Entries = [];

    /// <param name="Mapping">The mapping stored with the upload for this reading (its JSON), or null.</param>
    /// <param name="Keyed">Every row keyed as all of them go to <paramref name="Target"/>.</param>
    public sealed record Entry(long UserId, long ImportId, string? Mapping, ImportTarget Target, StatementReadResult Read, List<PlannedRow> Keyed)
    {
        public DateTime KeptAt { get; } = DateTime.UtcNow;
    }

    public static void Keep(Entry entry)
    {
        lock (Gate)
        {
            Remove(entry.ImportId);
            Entries.AddFirst(entry);
            var rows = 0;
            for (var node = Entries.First; node is not null;)
            {
                var next = node.Next;
                rows += node.Value.Keyed.Count;
                if (rows > MaxRows || DateTime.UtcNow - node.Value.KeptAt > Lifetime)
                {
                    Entries.Remove(node);
                }
                node = next;
            }
        }
    }

    /// <summary>The upload's entry if it was kept for this person and this mapping; it is removed either way.</summary>
    public static Entry? Take(long userId, long importId, string? mapping)
    {
        lock (Gate)
        {
            var entry = Remove(importId);
            return entry is not null && entry.UserId == userId && entry.Mapping == mapping && DateTime.UtcNow - entry.KeptAt <= Lifetime
                ? entry
                : null;
        }
    }

    public static void Forget(long importId)
    {
        lock (Gate)
        {
            Remove(importId);
        }
    }

    private static Entry? Remove(long importId)
    {
        for (var node = Entries.First; node is not null; node = node.Next)
        {
            if (node.Value.ImportId == importId)
            {
                Entries.Remove(node);
                return node.Value;
            }
        }
        return null;
    }
}
