using MySqlConnector;

namespace FinanceTracker.AppHost.Hosting.MySql;

/// <summary>
/// <c>AddMySql(...).WithDataVolume().AddDatabase(...)</c> as Aspire.Hosting.MySql spells it, on either backend.
/// Swapping in the official package later changes the types, not AppHost.cs.
/// </summary>
public static class MySqlHostingExtensions
{
    private const int MySqlPort = 3306;

    public static IResourceBuilder<IMySqlServerResource> AddMySql(this BackingServers servers, string name, int? port = null)
    {
        var builder = servers.Builder;
        var password = ParameterResourceBuilderExtensions.CreateDefaultPasswordParameter(builder, $"{name}-password", special: false);
        IMySqlServerResource server = servers.Backend switch
        {
            ServerBackend.Containers => builder.AddResource(new MySqlContainerResource(name, password))
                .WithImage("library/mysql", "8.4")
                .WithImageRegistry("docker.io")
                .WithEndpoint(port: port, targetPort: MySqlPort, name: "tcp")
                .WithEnvironment("MYSQL_ROOT_PASSWORD", password)
                .WithAnnotation(new ContainerDataPathAnnotation("/var/lib/mysql"))
                .Resource,
            _ => servers.AddMariaDbProcess(name, password, port).Resource,
        };
        return builder.CreateResourceBuilder(server)
            .WithAnnotation(new ServerBackendAnnotation(servers.Backend))
            .WithIconName("DatabaseMultiple")
            .WithConnectionHealthCheck(PingAsync)
            .WithCreatedDatabases();
    }

    public static IResourceBuilder<MySqlDatabaseResource> AddDatabase(this IResourceBuilder<IMySqlServerResource> builder, string name, string? databaseName = null)
    {
        var database = new MySqlDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database)
            .WithConnectionHealthCheck(PingAsync)
            .RunsWhenParentIsReady(builder.Resource);
    }

    /// <summary>Creates every database of the server once it answers, as Aspire.Hosting.MySql does.</summary>
    private static IResourceBuilder<IMySqlServerResource> WithCreatedDatabases(this IResourceBuilder<IMySqlServerResource> builder)
    {
        var server = builder.Resource;
        builder.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(server, async (_, cancellationToken) =>
        {
            await using var connection = new MySqlConnection(await server.ConnectionStringExpression.GetValueAsync(cancellationToken));
            await connection.OpenAsync(cancellationToken);
            foreach (var database in server.Databases)
            {
                await using var command = connection.CreateCommand();
                // utf8mb4 explicitly: payees and notes hold any script and emoji.
                command.CommandText = $"CREATE DATABASE IF NOT EXISTS {new MySqlCommandBuilder().QuoteIdentifier(database.DatabaseName)} " +
                    "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        });
        return builder;
    }

    private static async Task PingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var settings = new MySqlConnectionStringBuilder(connectionString) { ConnectionTimeout = 3, Pooling = false };
        await using var connection = new MySqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await connection.PingAsync(cancellationToken);
    }
}
