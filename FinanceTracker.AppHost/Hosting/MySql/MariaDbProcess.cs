using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FinanceTracker.AppHost.Hosting.MySql;

/// <summary>MariaDB as a local process: a data folder initialised on first start, root's password set on every start.</summary>
internal static class MariaDbProcess
{
    public static IResourceBuilder<MariaDbProcessResource> AddMariaDbProcess(this BackingServers servers, string name, ParameterResource password, int? port)
    {
        var server = new MariaDbProcessResource(name, servers.FindProgram("mariadbd"), password, servers);
        var installDb = servers.FindProgram("mariadb-install-db");
        var bufferPool = servers.Builder.Configuration["BackingServers:MySqlBufferPool"] ?? "512M";
        servers.Builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, (@event, cancellationToken) =>
            PrepareDataDirectoryAsync(server, installDb, @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server), cancellationToken));

        var endpoint = server.GetEndpoint("tcp");
        return servers.Builder.AddResource(server)
            // Not proxied: a stopped server refuses connections at once, as a real outage does, and queries skip a hop.
            .WithEndpoint(port: servers.Port(port), targetPort: servers.Port(port), name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                var data = server.DataDirectory;
                // --no-defaults first: no my.cnf from the system may change where the data goes or who may connect.
                context.Args.Add("--no-defaults");
                context.Args.Add($"--datadir={data}");
                context.Args.Add("--bind-address=127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add($"--socket={Path.Combine(data, "mariadb.sock")}");
                context.Args.Add($"--pid-file={Path.Combine(data, "mariadb.pid")}");
                context.Args.Add($"--init-file={InitFile(server)}");
                context.Args.Add("--skip-log-bin");
                context.Args.Add("--character-set-server=utf8mb4");
                context.Args.Add("--collation-server=utf8mb4_unicode_ci");
                context.Args.Add($"--innodb-buffer-pool-size={bufferPool}");
                // As MySQL 8.4 (the container backend) has it: room for a stored 50 MB bank import, compressed.
                context.Args.Add("--max-allowed-packet=64M");
                if (Environment.UserName == "root") context.Args.Add("--user=root");
            });
    }

    private static string InitFile(MariaDbProcessResource server) => Path.Combine(server.DataDirectory, "financetracker-init.sql");

    private static async Task PrepareDataDirectoryAsync(MariaDbProcessResource server, string installDb, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(server.DataDirectory);
        if (!Directory.Exists(Path.Combine(server.DataDirectory, "mysql")))
        {
            logger.LogInformation("Initialising MariaDB data in {DataDirectory}", server.DataDirectory);
            string[] arguments = ["--no-defaults", $"--datadir={server.DataDirectory}", "--auth-root-authentication-method=normal", "--skip-test-db",
                .. Environment.UserName == "root" ? ["--user=root"] : Array.Empty<string>()];
            using var install = Process.Start(new ProcessStartInfo(installDb, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
                ?? throw new InvalidOperationException($"Could not start {installDb}.");
            var output = await Task.WhenAll(install.StandardOutput.ReadToEndAsync(cancellationToken), install.StandardError.ReadToEndAsync(cancellationToken));
            await install.WaitForExitAsync(cancellationToken);
            if (install.ExitCode != 0)
            {
                throw new DistributedApplicationException($"{installDb} failed ({install.ExitCode}): {string.Concat(output)}");
            }
        }

        // Run by mariadbd at every start, so the password always matches the (persisted) parameter. Only the owner reads it.
        var password = (await server.PasswordParameter.GetValueAsync(cancellationToken) ?? "").Replace("\\", "\\\\").Replace("'", "\\'");
        await SecretFiles.WriteAsync(InitFile(server), $"""
            DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host NOT IN ('localhost', '127.0.0.1'));
            FLUSH PRIVILEGES;
            CREATE USER IF NOT EXISTS 'root'@'127.0.0.1';
            ALTER USER 'root'@'localhost' IDENTIFIED BY '{password}';
            ALTER USER 'root'@'127.0.0.1' IDENTIFIED BY '{password}';
            GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
            """, cancellationToken);
    }
}
