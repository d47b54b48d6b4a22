using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Recurring;

/// <summary>
/// The background posting on real servers. Besides the replicas these tests start, the AppHost's own Api posts too (every
/// minute), so every count below is also a check that posters racing each other never post an occurrence twice.
/// </summary>
public sealed class RecurringPostingTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private static DateOnly Today => RecurringClient.Today;

    /// <summary>The last day of each month from <paramref name="first"/>'s month on, up to today: computed here, not by the Api's schedule.</summary>
    private static List<string> MonthEndsThrough(DateOnly first)
    {
        var dates = new List<string>();
        for (var month = new DateOnly(first.Year, first.Month, 1); ; month = month.AddMonths(1))
        {
            var end = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            if (end > Today) return dates;
            dates.Add(end.Iso());
        }
    }

    private static object Monthly31(long accountId, DateOnly start, decimal amount, string payee = "Rent") => new
    {
        accountId, amount, payee, frequency = "monthly", interval = 1, dayOfMonth = 31, startDate = start.Iso(),
    };

    private static object Daily(long accountId, DateOnly start, decimal amount, string payee, int? count = null) => new
    {
        accountId, amount, payee, frequency = "daily", interval = 1, startDate = start.Iso(), count,
    };

    [Fact]
    public async Task APastStartMonthlyRulePostsEachMissedOccurrenceOnceOnTheMonthsLastDay()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 1000m);
        var start = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-7);
        var expected = MonthEndsThrough(start);

        var rule = await client.CreateRuleAsync(Monthly31(account.Id, start, -12.34m));
        await using var replica = new FastPostingReplica(api.App).Start();
        var posted = await client.WaitForPostedAsync(account.Id, rule.Id, expected.Count);

        Assert.Equal(expected, posted.Select(t => t.Date).Order(StringComparer.Ordinal).ToList());
        Assert.All(posted, t => Assert.Equal((-12.34m, "Rent"), (t.Amount, t.Payee)));
        Assert.Equal(1000m - 12.34m * expected.Count, (await client.GetAccountAsync(account.Id)).Balance);
        var after = await client.GetRuleAsync(rule.Id);
        Assert.Equal(expected.Count, after.PostedCount);
        Assert.True(DateOnly.Parse(after.NextDate!) > Today, $"next date {after.NextDate} should be after today");
        // February's 28th (or 29th) is in the list when the range holds a February: the list is built from the calendar above.
        output.WriteLine($"Posted {posted.Count}: {string.Join(", ", posted.Select(t => t.Date).Order(StringComparer.Ordinal))}");
    }

    [Fact]
    public async Task AnApiRestartBetweenTwoRunsPostsNothingTwiceEvenWhenTheRulesProgressIsLost()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 100m);
        var rule = await client.CreateRuleAsync(Daily(account.Id, Today.AddDays(-9), -1.5m, "Daily paper"));

        await using (new FastPostingReplica(api.App).Start())
        {
            await client.WaitForPostedAsync(account.Id, rule.Id, 10);
        }
        // As if a poster had crashed before recording its progress: the rule claims nothing was posted yet.
        await api.Database.ScalarAsync<long>(
            "UPDATE recurring_rules SET next_date = start_date WHERE id = @id; SELECT ROW_COUNT()", ("@id", rule.Id));

        await using (new FastPostingReplica(api.App).Start())
        {
            var caughtUp = await Eventually.TrueAsync(async () =>
                (await client.GetRuleAsync(rule.Id)).NextDate is { } next && DateOnly.Parse(next) > Today, TimeSpan.FromSeconds(90));
            Assert.True(caughtUp, "The restarted replica did not work through the rule again.");
        }

        var posted = (await client.PostedAsync(account.Id)).Where(t => t.RecurringId == rule.Id).ToList();
        Assert.Equal(10, posted.Count);
        Assert.Equal(10, posted.Select(t => t.Date).Distinct().Count());
        Assert.Equal(100m - 15m, (await client.GetAccountAsync(account.Id)).Balance);
        Assert.Equal(10, (await client.GetRuleAsync(rule.Id)).PostedCount);
    }

    [Fact]
    public async Task TwoApiProcessesRacingTheSameRulesPostExactlyOncePerOccurrence()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync(openingBalance: 500m);
        var rules = new List<RecurringRule>();
        for (var i = 0; i < 6; i++)
        {
            rules.Add(await client.CreateRuleAsync(Daily(account.Id, Today.AddDays(-29), -(i + 1) * 0.25m, $"Racer {i}")));
        }

        // Both start (and so make their first pass) at once, polling every 100 ms after that.
        var replicas = await Task.WhenAll(
            Task.Run(() => new FastPostingReplica(api.App, "00:00:00.100").Start()),
            Task.Run(() => new FastPostingReplica(api.App, "00:00:00.100").Start()));
        try
        {
            foreach (var rule in rules)
            {
                await client.WaitForPostedAsync(account.Id, rule.Id, 30);
            }
            // Let both keep polling until every rule is past today on both.
            Assert.True(await Eventually.TrueAsync(async () =>
                (await client.GetFromJsonAsync<List<RecurringRule>>("/api/recurring"))!.All(r => DateOnly.Parse(r.NextDate!) > Today)));
        }
        finally
        {
            foreach (var replica in replicas) await replica.DisposeAsync();
        }

        var posted = await client.PostedAsync(account.Id);
        foreach (var rule in rules)
        {
            var mine = posted.Where(t => t.RecurringId == rule.Id).ToList();
            Assert.Equal(30, mine.Count);
            Assert.Equal(30, mine.Select(t => t.Date).Distinct().Count());
        }
        var expectedBalance = 500m - rules.Sum(r => -r.Amount) * 30;
        Assert.Equal(expectedBalance, (await client.GetAccountAsync(account.Id)).Balance);
        var stored = await api.Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM transactions WHERE account_id = @account AND recurring_id IS NOT NULL", ("@account", account.Id));
        output.WriteLine($"{rules.Count} rules × 30 occurrences, two replicas racing: {stored} transactions stored, balance {expectedBalance}");
        Assert.Equal(rules.Count * 30, stored);
    }

    [Fact]
    public async Task EditingARuleChangesFutureOccurrencesOnly()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var start = Today.AddMonths(-3);
        var rule = await client.CreateRuleAsync(new
        {
            accountId = account.Id, amount = -10m, payee = "Old gym", frequency = "monthly", interval = 1, dayOfMonth = start.Day, startDate = start.Iso(),
        });
        var before = MonthlyOn(start, start.Day);

        // The edit moves the day and the amount; what was due by today is posted under the old terms first.
        var newDay = start.Day == 1 ? 2 : 1;
        var response = await client.PutAsJsonAsync($"/api/recurring/{rule.Id}", new
        {
            accountId = account.Id, amount = -25m, payee = "New gym", frequency = "monthly", interval = 1, dayOfMonth = newDay, startDate = start.Iso(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = (await response.Content.ReadFromJsonAsync<RecurringRule>())!;

        var posted = (await client.PostedAsync(account.Id)).Where(t => t.RecurringId == rule.Id).OrderBy(t => t.Date, StringComparer.Ordinal).ToList();
        Assert.Equal(before, posted.Select(t => t.Date).ToList());
        Assert.All(posted, t => Assert.Equal((-10m, "Old gym"), (t.Amount, t.Payee)));
        Assert.Equal(Today.AddDays(1).Iso(), edited.EffectiveFrom);
        var next = DateOnly.Parse(edited.NextDate!);
        Assert.True(next > Today && next.Day == newDay, $"next {edited.NextDate}");

        var upcoming = (await client.UpcomingAsync(62)).Where(o => o.RuleId == rule.Id).ToList();
        Assert.NotEmpty(upcoming);
        Assert.All(upcoming, o => Assert.Equal((-25m, "New gym", newDay), (o.Amount, o.Payee, DateOnly.Parse(o.Date).Day)));
        Assert.All(upcoming, o => Assert.True(DateOnly.Parse(o.Date) > Today));
        Assert.Equal(-10m * before.Count, (await client.GetAccountAsync(account.Id)).Balance);
    }

    /// <summary>Monthly dates on a day that every month has (1–28), from the start through today.</summary>
    private static List<string> MonthlyOn(DateOnly start, int day)
    {
        var dates = new List<string>();
        for (var month = new DateOnly(start.Year, start.Month, 1); ; month = month.AddMonths(1))
        {
            var date = new DateOnly(month.Year, month.Month, Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)));
            if (date > Today) return dates;
            if (date >= start) dates.Add(date.Iso());
        }
    }
}
