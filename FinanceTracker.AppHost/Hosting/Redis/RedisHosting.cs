using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace FinanceTracker.AppHost.Hosting.Redis;

/// <summary><c>redis-server</c> as a local process, with a generated password and append-only persistence.</summary>
public sealed class RedisProcessResource(string name, string command, ParameterResource password, BackingServers servers)
    : ExecutableResource(name, command, servers.RepositoryRoot), IResourceWithConnectionString, IResourceWithDataDirectory
{
    public ParameterResource PasswordParameter { get; } = password;

    public EndpointReference PrimaryEndpoint => new(this, "tcp");

    /// <summary>The same form as Aspire.Hosting.Redis's connection string.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"{PrimaryEndpoint.Property(EndpointProperty.IPV4Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)},password={PasswordParameter}");

    public string DataDirectory { get; private set; } = IResourceWithDataDirectory.RunOnly(name);

    public void KeepData() => DataDirectory = Path.Combine(servers.DataDirectory, Name);
}

public static class RedisHosting
{
    /// <summary>Aspire.Hosting.Redis's <c>AddRedis</c> on a container engine; <c>redis-server</c> as a process without one.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddRedis(this BackingServers servers, string name, int? port = null)
    {
        IResourceWithConnectionString cache = servers.Backend switch
        {
            ServerBackend.Containers => servers.Builder.AddRedis(name, port).Resource,
            _ => servers.AddRedisProcess(name, port).Resource,
        };
        return servers.Builder.CreateResourceBuilder(cache).WithAnnotation(new ServerBackendAnnotation(servers.Backend));
    }

    private static IResourceBuilder<RedisProcessResource> AddRedisProcess(this BackingServers servers, string name, int? port)
    {
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(servers.Builder, $"{name}-password", special: false);
        var redis = new RedisProcessResource(name, servers.FindProgram("redis-server"), password, servers);
        // The password goes in a config file only the owner reads, never on the command line where ps shows it.
        var configFile = () => Path.Combine(redis.DataDirectory, "financetracker.conf");
        servers.Builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, async (_, cancellationToken) =>
        {
            await SecretFiles.WriteAsync(configFile(), $"requirepass {await password.GetValueAsync(cancellationToken)}\n", cancellationToken);
        });

        var endpoint = redis.GetEndpoint("tcp");
        return servers.Builder.AddResource(redis)
            .WithEndpoint(port: servers.Port(port), targetPort: servers.Port(port), name: "tcp", scheme: "redis", isProxied: false)
            .WithIconName("Memory")
            .WithArgs(context =>
            {
                context.Args.Add(configFile());
                context.Args.Add("--port");
                context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--dir");
                context.Args.Add(redis.DataDirectory);
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
            })
            .WithConnectionHealthCheck(PingAsync);
    }

    private static async Task PingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectTimeout = 2000;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetDatabase().PingAsync();
    }
}
