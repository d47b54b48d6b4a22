using FinanceTracker.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MySqlConnector;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// The real Api (its Program, middleware and DI) on an in-memory server, wired to the real MariaDB,
/// Redis and Azurite. <see cref="AppUser"/> only marks which assembly's entry point to run.
/// </summary>
public sealed class ApiFactory(string connectionString) : WebApplicationFactory<AppUser>
{
    /// <summary>A container per database: blob names ({userId}/{receiptId}) repeat across test databases.</summary>
    public string ReceiptsContainer { get; } =
        "receipts-" + new MySqlConnectionStringBuilder(connectionString).Database.Replace('_', '-');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed: Development relaxes error handling in ways that would hide bugs.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:financedb", connectionString);
        builder.UseSetting("ConnectionStrings:cache", TestServers.Redis);
        builder.UseSetting("ConnectionStrings:receipts", TestServers.Blobs);
        builder.UseSetting("Receipts:ContainerName", ReceiptsContainer);
    }
}
