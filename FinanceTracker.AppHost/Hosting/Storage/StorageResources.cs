namespace FinanceTracker.AppHost.Hosting.Storage;

/// <summary>
/// Blob storage in the shape of Aspire.Hosting.Azure.Storage's emulator (that package is not served here): Azurite
/// with one account whose key is a generated secret parameter, so no key is ever written in clear.
/// </summary>
public interface IAzureStorageResource : IResourceWithConnectionString, IResourceWithEndpoints, IResourceWithEnvironment
{
    const string AccountName = "financetracker";

    ParameterResource AccountKey { get; }

    EndpointReference BlobEndpoint => new(this, "blob");

    // An IP host, not localhost: the Azure SDK reads the account name from the path only for IP hosts.
    ReferenceExpression IResourceWithConnectionString.ConnectionStringExpression => ReferenceExpression.Create(
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://{BlobEndpoint.Property(EndpointProperty.IPV4Host)}:{BlobEndpoint.Property(EndpointProperty.Port)}/{AccountName};");
}

/// <summary>The Azurite image: where a container engine runs, and in the published manifest.</summary>
public sealed class AzuriteContainerResource(string name, ParameterResource accountKey) : ContainerResource(name), IAzureStorageResource
{
    public ParameterResource AccountKey { get; } = accountKey;
}

/// <summary>Azurite's blob service (<c>azurite-blob</c>, from npm) as a local process.</summary>
public sealed class AzuriteProcessResource(string name, string command, ParameterResource accountKey, BackingServers servers)
    : ExecutableResource(name, command, servers.RepositoryRoot), IAzureStorageResource, IResourceWithDataDirectory
{
    public ParameterResource AccountKey { get; } = accountKey;

    public string DataDirectory { get; private set; } = IResourceWithDataDirectory.RunOnly(name);

    public void KeepData() => DataDirectory = Path.Combine(servers.DataDirectory, Name);
}

/// <summary>The blob service of a storage resource: the connection string the app gets as <c>ConnectionStrings:{name}</c>.</summary>
public sealed class AzureBlobsResource(string name, IAzureStorageResource parent)
    : Resource(name), IResourceWithParent<IAzureStorageResource>, IResourceWithConnectionString
{
    public IAzureStorageResource Parent { get; } = parent;

    public ReferenceExpression ConnectionStringExpression => Parent.ConnectionStringExpression;
}
