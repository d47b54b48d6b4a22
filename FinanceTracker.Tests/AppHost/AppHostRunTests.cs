using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.AppHost;

/// <summary>The AppHost started for real (the run's shared app): every resource comes up and is wired together.</summary>
public sealed class AppHostRunTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [MemberData(nameof(TestApp.ResourceNames), MemberType = typeof(TestApp))]
    public async Task EveryResourceRunsAndIsHealthy(string resource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var state = await api.App.Notifications.WaitForResourceHealthyAsync(resource, timeout.Token);

        Assert.Equal(KnownResourceStates.Running, state.Snapshot.State?.Text);
        Assert.Equal(HealthStatus.Healthy, state.Snapshot.HealthStatus);
    }

    [Fact]
    public async Task ApiReachesTheDatabaseCacheAndStorageItWasGiven()
    {
        using var health = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/health"));

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        var checks = health.RootElement.GetProperty("checks");
        foreach (var check in new[] { "MySql_financedb", "Redis_cache", "AzureBlobStorage_receipts" })
        {
            Assert.Equal("Healthy", checks.GetProperty(check).GetString());
        }
    }

    [Fact]
    public async Task WebServesTheSignInPage()
    {
        using var web = new HttpClient { BaseAddress = api.App.WebAddress };

        using var response = await web.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Sign in", await response.Content.ReadAsStringAsync());
    }
}
