using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using FinanceTracker.AppHost.Hosting;
using FinanceTracker.AppHost.Hosting.MySql;
using FinanceTracker.AppHost.Hosting.Redis;
using FinanceTracker.AppHost.Hosting.Storage;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.AppHost;

/// <summary>The AppHost's application model, built but never started: no server, no container engine.</summary>
public class AppHostModelTests
{
    private const string ReferenceRelationship = "Reference";

    [Theory]
    [InlineData(ServerBackend.LocalProcesses)]
    [InlineData(ServerBackend.Containers)]
    public async Task BothBackendsDeclareTheSameTopology(ServerBackend backend)
    {
        await using var appHost = await CreateAppHostAsync(backend);

        Assert.IsAssignableFrom<IMySqlServerResource>(Resource(appHost, "mysql"));
        Assert.Same(Resource(appHost, "mysql"), Assert.IsType<MySqlDatabaseResource>(Resource(appHost, "financedb")).Parent);
        Assert.IsAssignableFrom<IResourceWithConnectionString>(Resource(appHost, "cache"));
        Assert.IsAssignableFrom<IAzureStorageResource>(Resource(appHost, "storage"));
        Assert.Same(Resource(appHost, "storage"), Assert.IsType<AzureBlobsResource>(Resource(appHost, "receipts")).Parent);
        Assert.IsType<ProjectResource>(Resource(appHost, "api"));
        Assert.IsType<ProjectResource>(Resource(appHost, "web"));
        foreach (var server in new[] { "mysql", "cache", "storage" })
        {
            Assert.Equal(backend, Resource(appHost, server).Annotations.OfType<ServerBackendAnnotation>().Single().Backend);
        }
    }

    [Fact]
    public async Task WithoutAContainerEngineTheServersAreLocalProcessesKeepingTheirDataInFolders()
    {
        var data = Path.Combine(Path.GetTempPath(), "ft-model-" + Guid.NewGuid().ToString("N"));
        await using var appHost = await CreateAppHostAsync(ServerBackend.LocalProcesses, $"--BackingServers:DataDirectory={data}");

        Assert.Equal(Path.Combine(data, "mysql"), Assert.IsType<MariaDbProcessResource>(Resource(appHost, "mysql")).DataDirectory);
        Assert.Equal(Path.Combine(data, "cache"), Assert.IsType<RedisProcessResource>(Resource(appHost, "cache")).DataDirectory);
        Assert.Equal(Path.Combine(data, "storage"), Assert.IsType<AzuriteProcessResource>(Resource(appHost, "storage")).DataDirectory);
    }

    [Fact]
    public async Task WithContainersTheServersAreImagesWithDataVolumes()
    {
        await using var appHost = await CreateAppHostAsync(ServerBackend.Containers);

        Assert.Equal("library/mysql", Assert.IsType<MySqlContainerResource>(Resource(appHost, "mysql")).Annotations.OfType<ContainerImageAnnotation>().Single().Image);
        Assert.IsType<RedisResource>(Resource(appHost, "cache"));
        Assert.IsType<AzuriteContainerResource>(Resource(appHost, "storage"));
        foreach (var server in new[] { "mysql", "cache", "storage" })
        {
            Assert.Contains(Resource(appHost, server).Annotations.OfType<ContainerMountAnnotation>(), m => m.Type == ContainerMountType.Volume);
        }
    }

    [Fact]
    public async Task ApiReferencesAndWaitsForDatabaseCacheAndReceipts()
    {
        await using var appHost = await CreateAppHostAsync(ServerBackend.LocalProcesses);
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
        await using var appHost = await CreateAppHostAsync(ServerBackend.LocalProcesses);
        var web = Resource(appHost, "web");

        Assert.Equal("api", Assert.Single(ReferencedNames(web)));
        Assert.Equal("api", Assert.Single(HealthyWaitNames(web)));
    }

    [Fact]
    public async Task OnlyWebIsReachableFromOutside()
    {
        await using var appHost = await CreateAppHostAsync(ServerBackend.LocalProcesses);

        Assert.Contains(Resource(appHost, "web").Annotations.OfType<EndpointAnnotation>(), e => e.IsExternal && e.UriScheme is "http" or "https");
        foreach (var other in appHost.Resources.Where(r => r.Name != "web"))
        {
            Assert.DoesNotContain(other.Annotations.OfType<EndpointAnnotation>(), e => e.IsExternal);
        }
    }

    [Fact]
    public async Task TheApiAndWebRunInTheEnvironmentTheAppHostIsToldOf()
    {
        await using var told = await CreateAppHostAsync(ServerBackend.LocalProcesses, "--Apps:Environment=Production");
        await using var untold = await CreateAppHostAsync(ServerBackend.LocalProcesses);

        foreach (var name in new[] { "api", "web" })
        {
            Assert.Equal("Production", (await EnvironmentOfAsync(Resource(told, name))).GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
            Assert.NotEqual("Production", (await EnvironmentOfAsync(Resource(untold, name))).GetValueOrDefault("ASPNETCORE_ENVIRONMENT"));
        }
    }

    [Theory]
    [MemberData(nameof(TestApp.ResourceNames), MemberType = typeof(TestApp))]
    public async Task EveryResourceHasAHealthCheckToWaitFor(string name)
    {
        await using var appHost = await CreateAppHostAsync(ServerBackend.LocalProcesses);

        Assert.NotEmpty(Resource(appHost, name).Annotations.OfType<HealthCheckAnnotation>());
    }

    private static Task<IDistributedApplicationTestingBuilder> CreateAppHostAsync(ServerBackend backend, params string[] args) =>
        DistributedApplicationTestingBuilder.CreateAsync<Projects.FinanceTracker_AppHost>(
            [$"--BackingServers:Backend={backend}", .. args], TestContext.Current.CancellationToken);

    /// <summary>The variables a resource's callbacks set when it runs (values that are references left unresolved).</summary>
    private static async Task<Dictionary<string, object>> EnvironmentOfAsync(IResource resource)
    {
        var variables = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), resource, variables);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }
        return variables;
    }

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
