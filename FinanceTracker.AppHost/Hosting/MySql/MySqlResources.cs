using MySqlConnector;

namespace FinanceTracker.AppHost.Hosting.MySql;

/// <summary>
/// A MySQL-compatible server, in the shape of Aspire.Hosting.MySql's <c>MySqlServerResource</c> (that package is
/// not served here): root with a generated password, one TCP endpoint, databases as child resources.
/// </summary>
public interface IMySqlServerResource : IResourceWithConnectionString, IResourceWithEndpoints
{
    ParameterResource PasswordParameter { get; }

    List<MySqlDatabaseResource> Databases { get; }

    EndpointReference PrimaryEndpoint => new(this, "tcp");

    ReferenceExpression IResourceWithConnectionString.ConnectionStringExpression => ReferenceExpression.Create(
        $"Server={PrimaryEndpoint.Property(EndpointProperty.IPV4Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};User ID=root;Password={PasswordParameter}");
}

/// <summary>MySQL 8.4 in a container: where a container engine runs, and in the published manifest.</summary>
public sealed class MySqlContainerResource(string name, ParameterResource password) : ContainerResource(name), IMySqlServerResource
{
    public ParameterResource PasswordParameter { get; } = password;

    public List<MySqlDatabaseResource> Databases { get; } = [];
}

/// <summary>MariaDB (<c>mariadbd</c>) as a local process, with its data in a folder: where no container engine runs.</summary>
public sealed class MariaDbProcessResource(string name, string command, ParameterResource password, BackingServers servers)
    : ExecutableResource(name, command, servers.RepositoryRoot), IMySqlServerResource, IResourceWithDataDirectory
{
    public ParameterResource PasswordParameter { get; } = password;

    public List<MySqlDatabaseResource> Databases { get; } = [];

    public string DataDirectory { get; private set; } = IResourceWithDataDirectory.RunOnly(name);

    public void KeepData() => DataDirectory = Path.Combine(servers.DataDirectory, Name);
}

/// <summary>A database on a MySQL server: the connection string the app gets as <c>ConnectionStrings:{name}</c>.</summary>
public sealed class MySqlDatabaseResource(string name, string databaseName, IMySqlServerResource parent)
    : Resource(name), IResourceWithParent<IMySqlServerResource>, IResourceWithConnectionString
{
    public IMySqlServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{Parent};{new MySqlConnectionStringBuilder { Database = DatabaseName }.ConnectionString}");
}
