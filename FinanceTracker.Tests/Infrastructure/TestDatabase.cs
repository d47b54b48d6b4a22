using MySqlConnector;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>A database on the AppHost's MariaDB: one of its own (dropped when disposed), or the app's <c>financedb</c>.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? server;

    private TestDatabase(string connectionString, string? server)
    {
        ConnectionString = connectionString;
        Name = new MySqlConnectionStringBuilder(connectionString).Database;
        this.server = server;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>A new, empty database on the server, dropped when disposed.</summary>
    public static async Task<TestDatabase> CreateAsync(TestApp app, string prefix)
    {
        var server = app.ConnectionStrings["mysql"];
        var name = $"{prefix}_{Guid.NewGuid():N}";
        var database = new TestDatabase(new MySqlConnectionStringBuilder(server) { Database = name }.ConnectionString, server);
        await database.ExecuteOnServerAsync($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return database;
    }

    /// <summary>A database that exists already and outlives this object.</summary>
    public static TestDatabase Existing(string connectionString) => new(connectionString, server: null);

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)Convert.ChangeType(result, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask DisposeAsync() => server is null ? ValueTask.CompletedTask : new(ExecuteOnServerAsync($"DROP DATABASE IF EXISTS `{Name}`"));

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
