using FinanceTracker.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using MySqlConnector;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Another replica of the real Api (its Program, middleware and DI) in this process, on the AppHost's MariaDB,
/// Redis and Azurite: the database is the app's own unless another is given. <see cref="AppUser"/> only marks
/// which assembly's entry point to run.
/// </summary>
public sealed class ApiFactory(TestApp app, string? databaseConnectionString = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<AppUser>
{
    /// <summary>The Api's default container, which the AppHost-started Api uses too.</summary>
    public const string ReceiptsContainerName = "receipts";

    /// <summary>The app's container, or one per database of its own: blob names ({userId}/{receiptId}) repeat across databases.</summary>
    public string ReceiptsContainer { get; } = databaseConnectionString is null ? ReceiptsContainerName
        : "receipts-" + new MySqlConnectionStringBuilder(databaseConnectionString).Database.Replace('_', '-');

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Production, as deployed: Development relaxes error handling in ways that would hide bugs.
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:financedb", databaseConnectionString ?? app.ConnectionStrings["financedb"]);
        builder.UseSetting("ConnectionStrings:cache", app.ConnectionStrings["cache"]);
        builder.UseSetting("ConnectionStrings:receipts", app.ConnectionStrings["receipts"]);
        builder.UseSetting("Receipts:ContainerName", ReceiptsContainer);
        foreach (var (key, value) in TestApp.GenerousRateLimits)
        {
            builder.UseSetting("RateLimits:" + key, value);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
