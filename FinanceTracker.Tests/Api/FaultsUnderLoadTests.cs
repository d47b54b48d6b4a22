using FinanceTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Each server the app depends on fails while a steady load of reads and writes runs; every request is counted and
/// every acknowledged write looked for afterwards. The servers are shared, so these run alone (<see cref="ServerOutages"/>).
/// </summary>
[Collection(ServerOutages.Name)]
public sealed class FaultsUnderLoadTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private const string From = "2026-01-15";
    private const string To = "2026-03-20";

    [Fact]
    public async Task RedisStoppedAndStartedFailsNoRequestAndAnalyticsStayEqualToTheRows()
    {
        await using var load = await SteadyLoad.StartAsync(api);
        await load.RunAsync("before", 60);
        await OutageAsync(load, "cache", requests: 120);
        await load.RunAsync("after", 60);
        await load.StopAsync();

        await VerifyAndReportAsync("Redis stopped and started", load);
        Assert.True(load.Counts.Failed() == 0, load.Counts.Samples);
        await AssertLedgersExactAsync(load);
    }

    [Fact]
    public async Task BlobStorageStoppedAndStartedFailsOnlyReceiptCallsWith503AndOrphansNothing()
    {
        await using var load = await SteadyLoad.StartAsync(api, new LoadOptions(Receipts: true));
        await load.RunUntilAsync("before", c => c.Count("before", LoadOutcome.Ok, LoadCounts.IsReceipt) >= 10, "10 receipt calls");
        await OutageAsync(load, "storage", requests: 150);
        await load.RunUntilAsync("recovering", c => c.Count("recovering", LoadOutcome.Ok, c => c == LoadCall.UploadReceipt) > 0, "a stored receipt");
        await load.RunUntilAsync("after", c => c.Count("after", call: LoadCounts.IsReceipt) >= 10, "10 receipt calls");
        await load.StopAsync();

        await VerifyAndReportAsync("Blob storage stopped and started", load);
        Assert.True(load.Counts.Failed(call: c => !LoadCounts.IsReceipt(c)) == 0, load.Counts.Samples);
        Assert.True(load.Counts.Failed() == load.Counts.Count(outcome: LoadOutcome.Unavailable), load.Counts.Samples);
        Assert.True(load.Counts.Count("outage", LoadOutcome.Unavailable) > 0, "No receipt call noticed the outage.");
        Assert.True(load.Counts.Failed("after") == 0, load.Counts.Samples);
        await AssertLedgersExactAsync(load);

        // A replica that sweeps every second empties the outbox of what the outage left due.
        await using var sweeper = api.Factory.WithWebHostBuilder(b => b.UseSetting("Receipts:SweepInterval", "00:00:01"));
        sweeper.CreateClient().Dispose();
        Assert.True(await Eventually.TrueAsync(async () => await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM pending_blob_deletions WHERE due_at <= UTC_TIMESTAMP(6)") == 0), "Due blob deletions were not swept.");
        var (blobs, rows) = (0, 0);
        foreach (var user in load.Users)
        {
            var stored = (await api.ReceiptsContainer.BlobNamesAsync(user.UserId)).ToHashSet();
            var recorded = await StringsAsync("SELECT blob_name FROM receipts WHERE user_id = @userId", user.UserId);
            // An upload cut off by the outage keeps its reservation (an outbox row, due later) until it expires.
            var reserved = await StringsAsync("SELECT blob_name FROM pending_blob_deletions WHERE blob_name LIKE CONCAT(@userId, '/%')", user.UserId);
            Assert.Empty(recorded.Except(stored));
            Assert.Empty(stored.Except(recorded).Except(reserved));
            (blobs, rows) = (blobs + stored.Count, rows + recorded.Count);
        }
        output.WriteLine($"Blob storage: {blobs} blobs, {rows} receipt rows, none without the other");
    }

    [Fact]
    public async Task MariaDbStoppedAndStartedAnswers503FastLosesNothingAndRecoversWithoutARestart()
    {
        await using var load = await SteadyLoad.StartAsync(api);
        await load.RunAsync("before", 60);
        await OutageAsync(load, "mysql", requests: 100);
        await load.RunUntilAsync("recovering", c => c.Count("recovering", LoadOutcome.Ok, c => c == LoadCall.Create) > 0, "an acknowledged write");
        await load.RunAsync("after", 60);
        await load.StopAsync();

        await VerifyAndReportAsync("MariaDB stopped and started", load);
        // Every failure is the fast 503: no 500, no hang, no dropped connection.
        Assert.True(load.Counts.Failed() == load.Counts.Count(outcome: LoadOutcome.Unavailable), load.Counts.Samples);
        Assert.True(load.Counts.Failed("outage") > 0, "No request noticed the outage.");
        Assert.True(load.Counts.Failed("after") == 0, load.Counts.Samples);
        await AssertLedgersExactAsync(load);
    }

    [Fact]
    public async Task ApiKilledInTheMiddleOfWritesLeavesEveryAcknowledgedWriteAndNothingHalfWritten()
    {
        await using var load = await SteadyLoad.StartAsync(api, new LoadOptions(Users: 2, LanesPerUser: 4, WritesOnly: true) { Pause = TimeSpan.Zero });
        await load.RunAsync("before", 80);
        await load.EnterAsync("killed");
        await api.App.KillAsync("api");
        load.Phase = "recovering";
        await api.App.StartAsync("api");
        await load.RunUntilAsync("recovering", c => c.Count("recovering", LoadOutcome.Ok, c => c == LoadCall.Create) > 0, "an acknowledged write");
        await load.RunAsync("after", 60);
        await load.StopAsync();

        await VerifyAndReportAsync("Api killed mid-batch", load);
        Assert.True(load.Counts.Failed("before") + load.Counts.Failed("after") == 0, load.Counts.Samples);
        // While it is down, requests go unanswered; one HttpClient sent again after the crash may find its first copy
        // applied (404, 409). Never a 5xx.
        Assert.True(load.Counts.Count(outcome: LoadOutcome.ServerError) == 0, load.Counts.Samples);
        output.WriteLine($"  failures: {load.Counts.Samples}");
        foreach (var user in load.Users)
        {
            Assert.Empty(await api.Database.DriftAsync(user.UserId, tagsPerRow: 2));
        }
        await AssertLedgersExactAsync(load);
    }

    /// <summary>Stops the resource, keeps the load going through <paramref name="requests"/> requests of outage, then starts it again.</summary>
    private async Task OutageAsync(SteadyLoad load, string resource, int requests)
    {
        // Counted as the outage from the moment the server is asked to stop (once every request sent before has its
        // answer), and as recovery from when it is asked to start.
        await load.EnterAsync("outage");
        await api.App.StopAsync(resource);
        try
        {
            await load.RunAsync("outage", requests);
        }
        finally
        {
            load.Phase = "recovering";
            await api.App.StartAsync(resource);
        }
    }

    /// <summary>Checks every row the load wrote, prints the counts line, and asserts nothing was lost.</summary>
    private async Task VerifyAndReportAsync(string fault, SteadyLoad load)
    {
        var verdict = await load.VerifyAsync();
        var phases = string.Join("; ", new[] { "before", "outage", "killed", "recovering", "after" }
            .Where(p => load.Counts.Count(p) > 0).Select(p => $"{p}: {load.Counts.Describe(p)}"));
        output.WriteLine($"{fault}: {load.Counts.Describe()}; {verdict}; slowest answer {load.SlowestAnswer.TotalSeconds:0.0} s");
        output.WriteLine($"  by phase: {phases}");
        if (load.Counts.Count(outcome: LoadOutcome.ServerError) > 0)
        {
            output.WriteLine($"The Api's last log lines:\n{api.App.RecentLog("api")}");
        }
        Assert.True(verdict.Problems.Count == 0, string.Join('\n', verdict.Problems));
        Assert.Equal(0, verdict.RowsLost);
    }

    private static async Task AssertLedgersExactAsync(SteadyLoad load)
    {
        foreach (var user in load.Users)
        {
            await IndependentSums.AssertReportsMatchRowsAsync(user.Client, From, To);
        }
    }

    private async Task<HashSet<string>> StringsAsync(string sql, long userId)
    {
        await using var connection = new MySqlConnector.MySqlConnection(api.App.ConnectionStrings["financedb"]);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@userId", userId);
        var values = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }
}
