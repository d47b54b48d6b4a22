using FinanceTracker.AppHost.Hosting;
using FinanceTracker.AppHost.Hosting.Backups;
using FinanceTracker.AppHost.Hosting.MySql;
using FinanceTracker.AppHost.Hosting.Redis;
using FinanceTracker.AppHost.Hosting.Storage;

var builder = DistributedApplication.CreateBuilder(args);

// Containers where an engine runs (and when publishing), local processes where none does: chosen here, once.
var servers = BackingServers.Choose(builder);

var financedb = servers.AddMySql("mysql", port: 3316)
    .WithDataVolume()
    .AddDatabase("financedb");

var cache = servers.AddRedis("cache", port: 6389)
    .WithDataVolume();

var receipts = servers.AddAzureStorage("storage", blobPort: 10010)
    .WithDataVolume()
    .AddBlobs("receipts");

var api = builder.AddProject<Projects.FinanceTracker_Api>("api")
    .WithReference(financedb)
    .WaitFor(financedb)
    .WithReference(cache)
    .WaitFor(cache)
    .WithReference(receipts)
    .WaitFor(receipts)
    .WithHttpHealthCheck("/health")
    .WithoutDevelopmentCertificate();

// "Back up now" and "Restore newest backup" on the database (README, Backups).
servers.AddBackups(financedb, receipts, cache, api);

var web = builder.AddProject<Projects.FinanceTracker_Web>("web")
    .WithReference(api)
    .WaitFor(api)
    .WithHttpHealthCheck("/health")
    .WithoutDevelopmentCertificate()
    .WithExternalHttpEndpoints();

// Links in account emails (password reset) lead to the Web. An endpoint is known before anything starts: no wait cycle.
api.WithEnvironment("Web__PublicUrl", web.GetEndpoint("http"));

// The Api and Web run in Development (their launch profiles) unless told otherwise: `--Apps:Environment Production` runs
// them as a deployment does (the browser caches static files, no developer pages). The benchmark runs them so.
if (builder.Configuration["Apps:Environment"] is { Length: > 0 } environment)
{
    api.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment);
    web.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment);
}

builder.Build().Run();
