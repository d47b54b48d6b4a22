using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Azure;
using Aspire.Hosting.Testing;

namespace FinanceTracker.Tests.AppHost;

/// <summary>
/// The AppHost's application model, built but never started: no container engine needed.
/// Compiled only where Aspire packages restore (SkipAspire off).
/// </summary>
public class AppHostModelTests
{
    private const string ReferenceRelationship = "Reference";

    [Fact]
    public async Task DeclaresTheWholeTopology()
    {
        await using var appHost = await CreateAppHostAsync();

        Assert.IsType<MySqlServerResource>(Resource(appHost, "mysql"));
        Assert.IsType<MySqlDatabaseResource>(Resource(appHost, "financedb"));
        Assert.IsType<RedisResource>(Resource(appHost, "cache"));
        Assert.IsType<AzureStorageResource>(Resource(appHost, "storage"));
        Assert.IsType<AzureBlobStorageResource>(Resource(appHost, "receipts"));
        Assert.IsType<ProjectResource>(Resource(appHost, "api"));
        Assert.IsType<ProjectResource>(Resource(appHost, "web"));
    }

    [Fact]
    public async Task ApiReferencesAndWaitsForDatabaseCacheAndReceipts()
    {
        await using var appHost = await CreateAppHostAsync();
        var api = Resource(appHost, "api");

        foreach (var dependency in new[] { "financedb", "cache", "receipts" })
        {
            Assert.Contains(dependency, ReferencedNames(api));
            Assert.Contains(dependency, HealthyWaitNames(api));
        }
    }

    [Fact]
    public async Task WebReferencesAndWaitsForApiOnly()
    {
        await using var appHost = await CreateAppHostAsync();
        var web = Resource(appHost, "web");

        Assert.Equal("api", Assert.Single(ReferencedNames(web)));
        Assert.Equal("api", Assert.Single(HealthyWaitNames(web)));
    }

    [Fact]
    public async Task OnlyWebIsReachableFromOutside()
    {
        await using var appHost = await CreateAppHostAsync();

        var webEndpoints = Resource(appHost, "web").Annotations.OfType<EndpointAnnotation>().ToList();
        Assert.Contains(webEndpoints, e => e.IsExternal && e.UriScheme is "http" or "https");
        Assert.DoesNotContain(Resource(appHost, "api").Annotations.OfType<EndpointAnnotation>(), e => e.IsExternal);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public async Task ProjectsAreProbedOverHttp(string name)
    {
        await using var appHost = await CreateAppHostAsync();

        Assert.NotEmpty(Resource(appHost, name).Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public async Task DatabaseKeepsItsDataInAVolumeAndStorageRunsAsEmulator()
    {
        await using var appHost = await CreateAppHostAsync();

        Assert.Contains(Resource(appHost, "mysql").Annotations.OfType<ContainerMountAnnotation>(),
            m => m.Type == ContainerMountType.Volume);
        Assert.True(Assert.IsType<AzureStorageResource>(Resource(appHost, "storage")).IsEmulator);
    }

    private static Task<IDistributedApplicationTestingBuilder> CreateAppHostAsync() =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.FinanceTracker_AppHost>(TestContext.Current.CancellationToken);

    private static IResource Resource(IDistributedApplicationTestingBuilder appHost, string name) =>
        Assert.Single(appHost.Resources, r => r.Name == name);

    private static List<string> ReferencedNames(IResource resource) =>
        [.. resource.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == ReferenceRelationship)
            .Select(r => r.Resource.Name)
            .Distinct()
            .Order()];

    // WaitFor on a child (financedb, receipts) also waits for its parent (mysql, storage); only direct waits count here.
    private static List<string> HealthyWaitNames(IResource resource) =>
        [.. resource.Annotations.OfType<WaitAnnotation>()
            .Where(w => w.WaitType == WaitType.WaitUntilHealthy)
            .Select(w => w.Resource.Name)
            .Distinct()
            .Order()];
}
