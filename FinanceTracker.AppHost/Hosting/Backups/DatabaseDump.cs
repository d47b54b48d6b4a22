using MySqlConnector;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>
/// The database as one SQL file: written by mariadb-dump (or mysqldump) in a single consistent transaction while the app
/// keeps running, read back by the mariadb (or mysql) client. Both connect over TCP with the app's own credentials, passed
/// in an options file only the owner can read, never on the command line.
/// </summary>
internal sealed class DatabaseDump(BackingServers servers, string connectionString)
{
    private readonly MySqlConnectionStringBuilder settings = new(connectionString);

    public string DatabaseName => settings.Database;

    public async Task WriteAsync(string file, CancellationToken cancellationToken)
    {
        var dump = Program("mariadb-dump", "mysqldump");
        await WithOptionsFileAsync(options => ClientProcess.RunAsync(dump,
            [$"--defaults-extra-file={options}", "--single-transaction", "--routines", "--triggers", "--hex-blob",
             "--default-character-set=utf8mb4", "--no-tablespaces", $"--result-file={file}", settings.Database], cancellationToken), cancellationToken);
    }

    /// <summary>Replaces the whole database with the dump: dropped and created empty first, so nothing of the old one stays.</summary>
    public async Task ReplaceWithAsync(string file, CancellationToken cancellationToken)
    {
        await using (var connection = await OpenServerAsync(cancellationToken))
        {
            var name = new MySqlCommandBuilder().QuoteIdentifier(settings.Database);
            await using var command = new MySqlCommand(
                $"DROP DATABASE IF EXISTS {name}; CREATE DATABASE {name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        var client = Program("mariadb", "mysql");
        await WithOptionsFileAsync(options => ClientProcess.RunAsync(client,
            [$"--defaults-extra-file={options}", "--default-character-set=utf8mb4", settings.Database], cancellationToken, standardInputFile: file),
            cancellationToken);
    }

    /// <summary>Whether anyone has signed up: a database with people in it is only replaced when forced.</summary>
    public async Task<long> PeopleAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerAsync(cancellationToken);
        await using var exists = new MySqlCommand(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = @db AND table_name = 'users'", connection);
        exists.Parameters.AddWithValue("@db", settings.Database);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) == 0) return 0;
        await using var count = new MySqlCommand($"SELECT COUNT(*) FROM {new MySqlCommandBuilder().QuoteIdentifier(settings.Database)}.users", connection);
        return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>Rows per table, for the manifest (what a restore should find).</summary>
    public async Task<Dictionary<string, long>> RowCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in new[] { "users", "accounts", "categories", "transactions", "receipts" })
        {
            await using var command = new MySqlCommand($"SELECT COUNT(*) FROM {new MySqlCommandBuilder().QuoteIdentifier(settings.Database)}.{table}", connection);
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        }
        return counts;
    }

    /// <summary>The blob of every receipt row: the files a restore puts back (a file without a row is left out).</summary>
    public async Task<HashSet<string>> ReceiptBlobNamesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenServerAsync(cancellationToken);
        await using var command = new MySqlCommand($"SELECT blob_name FROM {new MySqlCommandBuilder().QuoteIdentifier(settings.Database)}.receipts", connection);
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) names.Add(reader.GetString(0));
        return names;
    }

    private async Task<MySqlConnection> OpenServerAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder(settings.ConnectionString) { Database = "", Pooling = false }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private async Task WithOptionsFileAsync(Func<string, Task> run, CancellationToken cancellationToken)
    {
        var options = Path.Combine(Path.GetTempPath(), $"financetracker-client-{Guid.NewGuid():N}.cnf");
        await SecretFiles.WriteAsync(options, $"""
            [client]
            host={settings.Server}
            port={settings.Port}
            user={settings.UserID}
            password="{settings.Password.Replace("\\", "\\\\").Replace("\"", "\\\"")}"
            """ + "\n", cancellationToken);
        try
        {
            await run(options);
        }
        finally
        {
            File.Delete(options);
        }
    }

    private string Program(string name, string alternative)
    {
        var found = servers.FindProgram(name);
        return Path.IsPathRooted(found) ? found : servers.FindProgram(alternative);
    }
}
