namespace FinanceTracker.AppHost.Hosting.Storage;

public static class StorageHosting
{
    private const int BlobPort = 10000;

    /// <summary><c>AddAzureStorage(...).RunAsEmulator()</c>: Azurite as a container, or as a process without an engine.</summary>
    public static IResourceBuilder<IAzureStorageResource> AddAzureStorage(this BackingServers servers, string name, int? blobPort = null)
    {
        var builder = servers.Builder;
        // 64 letters and digits are valid base64, which is what Azure's shared-key signing needs of a key.
        var accountKey = ParameterResourceBuilderExtensions.CreateGeneratedParameter(builder, $"{name}-key", secret: true,
            new GenerateParameterDefault { MinLength = 64, Special = false });
        IAzureStorageResource storage = servers.Backend switch
        {
            ServerBackend.Containers => builder.AddResource(new AzuriteContainerResource(name, accountKey))
                .WithImage("azure-storage/azurite", "3.35.0")
                .WithImageRegistry("mcr.microsoft.com")
                .WithEndpoint(port: blobPort, targetPort: BlobPort, name: "blob", scheme: "http")
                .WithArgs("azurite-blob", "--blobHost", "0.0.0.0", "--location", "/data", "--skipApiVersionCheck", "--disableTelemetry")
                .WithAnnotation(new ContainerDataPathAnnotation("/data"))
                .Resource,
            _ => servers.AddAzuriteProcess(name, accountKey, blobPort).Resource,
        };
        return builder.CreateResourceBuilder(storage)
            .WithAnnotation(new ServerBackendAnnotation(servers.Backend))
            .WithIconName("DatabaseMultiple")
            .WithEnvironment("AZURITE_ACCOUNTS", ReferenceExpression.Create($"{IAzureStorageResource.AccountName}:{accountKey}"))
            .WithConnectionHealthCheck(BlobServiceAnswersAsync);
    }

    public static IResourceBuilder<AzureBlobsResource> AddBlobs(this IResourceBuilder<IAzureStorageResource> storage, string name) =>
        storage.ApplicationBuilder.AddResource(new AzureBlobsResource(name, storage.Resource))
            .WithConnectionHealthCheck(BlobServiceAnswersAsync)
            .RunsWhenParentIsReady(storage.Resource);

    private static IResourceBuilder<AzuriteProcessResource> AddAzuriteProcess(this BackingServers servers, string name, ParameterResource accountKey, int? blobPort)
    {
        var azurite = new AzuriteProcessResource(name, servers.FindProgram("azurite-blob", ".local/tools/node_modules/.bin/azurite-blob"), accountKey, servers);
        servers.Builder.Eventing.Subscribe<BeforeResourceStartedEvent>(azurite, (_, _) =>
        {
            Directory.CreateDirectory(azurite.DataDirectory);
            return Task.CompletedTask;
        });
        var endpoint = azurite.GetEndpoint("blob");
        return servers.Builder.AddResource(azurite)
            .WithEndpoint(port: servers.Port(blobPort), targetPort: servers.Port(blobPort), name: "blob", scheme: "http", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--blobHost");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--blobPort");
                context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--location");
                context.Args.Add(azurite.DataDirectory);
                // Azure.Storage.Blobs 12.30 speaks a newer service version than Azurite knows.
                context.Args.Add("--skipApiVersionCheck");
                context.Args.Add("--disableTelemetry");
            });
    }

    /// <summary>Any HTTP answer from the account's blob endpoint (403 without a signature) means the service is up.</summary>
    private static async Task BlobServiceAnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        var blobEndpoint = connectionString.Split(';').Single(part => part.StartsWith("BlobEndpoint=", StringComparison.Ordinal))["BlobEndpoint=".Length..];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        using var response = await http.GetAsync($"{blobEndpoint}?comp=list", cancellationToken);
    }
}
