using System.Net;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class PlatformTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task AliveAnswers200AndHealthReportsEachDependency()
    {
        var client = api.AnonymousClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);

        using var health = JsonDocument.Parse(await client.GetStringAsync("/health"));
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("MySql_financedb").GetString());
        Assert.Equal("Healthy", checks.GetProperty("Redis_cache").GetString());
        Assert.True(checks.TryGetProperty("AzureBlobStorage_receipts", out _));
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheLedgerEndpoints()
    {
        using var document = JsonDocument.Parse(await api.AnonymousClient().GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/accounts", "/api/categories", "/api/transactions", "/api/transactions/{id}", "/api/auth/login" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task UnknownRouteIsProblemDetailsToo()
    {
        var response = await api.AnonymousClient().GetAsync("/api/nothing-here");
        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MigrationsRunOnceWhenTwoApisStartTogetherOnAnEmptyDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(api.App, "ft_mig");
        await using var first = new ApiFactory(api.App, database.ConnectionString);
        await using var second = new ApiFactory(api.App, database.ConnectionString);

        var starts = await Task.WhenAll(first.CreateClient().GetAsync("/alive"), second.CreateClient().GetAsync("/alive"));

        Assert.All(starts, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var migrations = typeof(FinanceTracker.Api.Auth.AppUser).Assembly.GetTypes()
            .Count(t => t.GetCustomAttributes(typeof(FluentMigrator.MigrationAttribute), false).Length > 0);
        Assert.Equal(migrations, await database.ScalarAsync<long>("SELECT COUNT(*) FROM VersionInfo"));
        Assert.Equal(migrations, await database.ScalarAsync<long>("SELECT COUNT(DISTINCT Version) FROM VersionInfo"));
    }
}
