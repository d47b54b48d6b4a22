using System.Net;
using System.Net.Http.Json;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>How a <see cref="SteadyLoad"/> behaves: people, client loops each, receipts or not, writes only, pause between requests.</summary>
public sealed record LoadOptions(int Users = 3, int LanesPerUser = 2, bool Receipts = false, bool WritesOnly = false)
{
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(20);
}

/// <summary>A person the load acts as: their client, accounts (EUR and USD) and categories (null: none).</summary>
public sealed record LoadUser(int Index, long UserId, HttpClient Client, List<long> AccountIds, List<long?> CategoryIds);

/// <summary>What the check after a fault found: rows compared with what the Api acknowledged, and those missing or wrong.</summary>
public sealed record LoadVerdict(int RowsChecked, int RowsLost, int ReceiptsChecked, int Replayed, List<string> Problems)
{
    public override string ToString() =>
        $"rows checked {RowsChecked}, rows lost {RowsLost}, receipts checked {ReceiptsChecked}" + (Replayed > 0 ? $", rows written twice by a client retry {Replayed}" : "");
}

/// <summary>
/// A steady mix of reads (lists, totals, analytics) and writes (create, update, delete, receipts) from a few people,
/// kept up while a test breaks a server, with every request counted by outcome (<see cref="Counts"/>) and every
/// acknowledged write remembered, so <see cref="VerifyAsync"/> can say afterwards whether anything was lost.
/// </summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    /// <summary>A request still unanswered after this is a hang: a hang detector, not a timing assertion.</summary>
    public static readonly TimeSpan HangBound = TimeSpan.FromSeconds(15);

    /// <summary>The range of the totals and analytics reads: it cuts January and March in the middle.</summary>
    public const string Range = "from=2026-01-15&to=2026-03-20";

    internal static readonly string[] Reports = ["summary", "by-category", "monthly", "top-payees"];

    private readonly CancellationTokenSource stop = new();
    private readonly List<LoadLane> lanes = [];
    private readonly List<Task> running = [];
    private long slowestTicks;

    private SteadyLoad(LoadOptions options) => Options = options;

    public LoadOptions Options { get; }

    public LoadCounts Counts { get; } = new();

    public List<LoadUser> Users { get; } = [];

    /// <summary>The phase requests are counted under and the requests of each still in flight.</summary>
    public LoadPhases Phases { get; } = new();

    /// <summary>The label requests are counted under from now on ("before", "outage", "after", ...).</summary>
    public string Phase
    {
        get => Phases.Current;
        set => Phases.Current = value;
    }

    /// <summary>The longest any answered request took (printed, never asserted).</summary>
    public TimeSpan SlowestAnswer => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    /// <summary>Makes the people (with accounts and categories) and starts their loops.</summary>
    public static async Task<SteadyLoad> StartAsync(ApiFixture api, LoadOptions? options = null)
    {
        var load = new SteadyLoad(options ?? new LoadOptions());
        for (var i = 0; i < load.Options.Users; i++)
        {
            var client = await api.NewUserClientAsync();
            var euro = await client.CreateAccountAsync("Load EUR", "EUR");
            var dollar = await client.CreateAccountAsync("Load USD", "USD");
            List<long?> categories = [null];
            foreach (var name in new[] { "Load food", "Load travel" })
            {
                var response = await client.PostAsJsonAsync("/api/categories", new { name, kind = "expense" });
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                categories.Add((await response.Content.ReadFromJsonAsync<Category>())!.Id);
            }
            var userId = await api.Database.ScalarAsync<long>("SELECT user_id FROM accounts WHERE id = @id", ("@id", euro.Id));
            load.Users.Add(new LoadUser(i, userId, client, [euro.Id, dollar.Id], categories));
        }
        foreach (var user in load.Users)
        {
            for (var lane = 0; lane < load.Options.LanesPerUser; lane++)
            {
                var loop = new LoadLane(load, user, lane, seed: 1000 * user.Index + lane);
                load.lanes.Add(loop);
                load.running.Add(Task.Run(() => loop.RunAsync(load.stop.Token)));
            }
        }
        return load;
    }

    /// <summary>Lets the load run under <paramref name="phase"/> until it sent <paramref name="requests"/> requests in it.</summary>
    public Task RunAsync(string phase, int requests) =>
        RunUntilAsync(phase, counts => counts.Count(phase) >= requests, $"{requests} requests");

    /// <summary>Lets the load run under <paramref name="phase"/> until <paramref name="done"/> holds (60 s at most, then fails).</summary>
    public async Task RunUntilAsync(string phase, Func<LoadCounts, bool> done, string what)
    {
        Phase = phase;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!done(Counts) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        Assert.True(done(Counts), $"Phase '{phase}' did not reach {what} within 60 s: {Counts.Describe(phase)}\n{Counts.Samples}");
    }

    /// <summary>
    /// Counts requests under <paramref name="phase"/> from now on and waits until every request sent before has ended,
    /// so a fault started next meets only requests of this phase: one sent in "before" and cut by the fault would
    /// otherwise count as a failure before the fault. The loops keep sending meanwhile, so the fault still lands mid-load.
    /// </summary>
    public async Task EnterAsync(string phase)
    {
        Phase = phase;
        // Every request gives up after HangBound, so only a stuck loop outlasts this.
        var bound = HangBound + TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + bound;
        while (Phases.EarlierInFlight() is { } left)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"Entering phase '{phase}': requests sent before it still had no end after {bound.TotalSeconds} s ({left}).\n{Counts.Samples}");
            await Task.Delay(10);
        }
    }

    /// <summary>Stops every loop once its request in flight has ended.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(running);
    }

    internal void Slowest(TimeSpan elapsed)
    {
        var ticks = elapsed.Ticks;
        for (var seen = Interlocked.Read(ref slowestTicks); ticks > seen; seen = Interlocked.Read(ref slowestTicks))
        {
            if (Interlocked.CompareExchange(ref slowestTicks, ticks, seen) == seen) break;
        }
    }

    /// <summary>
    /// Reads every person's rows back and compares them with what the load wrote: each acknowledged write exactly so,
    /// each unanswered one in one of its possible states, no row from nowhere; each acknowledged receipt byte for byte.
    /// </summary>
    public async Task<LoadVerdict> VerifyAsync()
    {
        var (checkedRows, lost, receiptsChecked, replayed, problems) = (0, 0, 0, 0, new List<string>());
        foreach (var user in Users)
        {
            var rows = (await user.Client.ListAllTransactionsAsync("pageSize=500")).ToDictionary(r => r.Id);
            var userLanes = lanes.Where(l => ReferenceEquals(l.User, user)).ToList();
            foreach (var lane in userLanes)
            {
                foreach (var (id, (planned, _)) in lane.Acknowledged)
                {
                    checkedRows++;
                    if (!rows.TryGetValue(id, out var row) || !planned.Matches(row))
                    {
                        lost++;
                        problems.Add($"user {user.Index}: acknowledged #{id} {planned} is {(row is null ? "missing" : $"stored as {row}")}");
                    }
                }
                foreach (var (id, states) in lane.Uncertain)
                {
                    checkedRows++;
                    var row = rows.GetValueOrDefault(id);
                    if (!states.Any(s => s is null ? row is null : row is not null && s.Matches(row)))
                    {
                        lost++;
                        problems.Add($"user {user.Index}: #{id} after an unanswered write is {(row is null ? "missing" : $"half-written: {row}")}");
                    }
                }
                foreach (var (receiptId, (_, bytes)) in lane.Receipts)
                {
                    receiptsChecked++;
                    var content = await user.Client.GetAsync($"/api/receipts/{receiptId}/content");
                    if (content.StatusCode != HttpStatusCode.OK || !(await content.Content.ReadAsByteArrayAsync()).AsSpan().SequenceEqual(bytes))
                    {
                        problems.Add($"user {user.Index}: receipt {receiptId} answers {(int)content.StatusCode} or other bytes");
                    }
                }
            }
            var known = userLanes.SelectMany(l => l.Acknowledged.Keys.Concat(l.Uncertain.Keys)).ToHashSet();
            var attempted = userLanes.SelectMany(l => l.UnacknowledgedCreates).ToList();
            var acknowledged = userLanes.SelectMany(l => l.Acknowledged.Values.Select(v => v.Row)).ToList();
            foreach (var extra in rows.Values.Where(r => !known.Contains(r.Id) && !attempted.Any(a => a.Matches(r))))
            {
                // HttpClient sends a request again when its connection dies before any answer: if the Api had
                // committed the first copy before it was killed, the create happened twice, each copy whole.
                if (acknowledged.Any(a => a.Matches(extra))) replayed++;
                else problems.Add($"user {user.Index}: row {extra} matches no write the load sent");
            }
        }
        return new LoadVerdict(checkedRows, lost, receiptsChecked, replayed, problems);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
