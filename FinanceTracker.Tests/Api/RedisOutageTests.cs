using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

[Collection(ServerOutages.Name)]
public sealed class RedisOutageTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WithRedisDownAnalyticsAnswerFromMySqlAndCachingResumesWhenItReturns()
    {
        await using var replica = new ApiFactory(api.App);
        using var counter = new CacheCounter(replica.Services);
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        await client.CreateTransactionAsync(account.Id, 30m, date: AnalyticsCacheTests.Today());
        var login = replica.CreateClient();
        login.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        // The replica's first request pays its start-up; that must not count against the outage.
        Assert.Equal(HttpStatusCode.OK, (await login.GetAsync("/api/accounts")).StatusCode);

        await api.App.StopAsync("cache");
        try
        {
            var watch = Stopwatch.StartNew();
            var summary = await login.GetAsync("/api/analytics/summary");
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            // A bound on hanging, not a speed target: waiting on Redis's connect timeouts would take far longer.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"analytics took {watch.Elapsed} with Redis down");
            Assert.Equal(30m, (await summary.Content.ReadFromJsonAsync<SummaryReport>())!.Currencies.Single().Income);
            await client.CreateTransactionAsync(account.Id, 12m, date: AnalyticsCacheTests.Today());
            Assert.Equal(42m, (await login.GetFromJsonAsync<SummaryReport>("/api/analytics/summary"))!.Currencies.Single().Income);
            Assert.Equal(("Degraded", "Degraded"), await HealthAsync(login));
            Assert.Equal(HttpStatusCode.OK, (await login.GetAsync("/alive")).StatusCode);
        }
        finally
        {
            await api.App.StartAsync("cache");
        }

        Assert.True(await Eventually.TrueAsync(async () => (await HealthAsync(login)).Redis == "Healthy"), "Redis did not come back within 30 s");
        var before = counter.Read();
        Assert.Equal(42m, (await login.GetFromJsonAsync<SummaryReport>("/api/analytics/summary"))!.Currencies.Single().Income);
        Assert.Equal(42m, (await login.GetFromJsonAsync<SummaryReport>("/api/analytics/summary"))!.Currencies.Single().Income);
        Assert.Equal(before.Hits + 1, counter.Read().Hits);
    }

    /// <summary>The overall /health status and the Redis check's own.</summary>
    private static async Task<(string? Overall, string? Redis)> HealthAsync(HttpClient client)
    {
        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        return (health.RootElement.GetProperty("status").GetString(),
            health.RootElement.GetProperty("checks").GetProperty("Redis_cache").GetString());
    }
}
