using System.Reflection;
using MySqlConnector;

namespace FinanceTracker.Bench;

/// <summary>Root access to the app's database, for seeding and for emptying the analytics cache (as a write does).</summary>
internal sealed class BenchDatabase(string connectionString)
{
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs an embedded script (Seed/*.sql) after setting the given user variables, on one connection.</summary>
    public Task RunScriptAsync(string name, string variables)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name) ?? throw new InvalidOperationException($"no script {name}");
        using var reader = new StreamReader(stream);
        return ExecuteAsync(variables + "\n" + reader.ReadToEnd());
    }

    private static MySqlCommand Command(MySqlConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = new MySqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
