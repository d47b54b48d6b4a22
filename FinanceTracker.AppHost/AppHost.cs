var builder = DistributedApplication.CreateBuilder(args);

var mysql = builder.AddMySql("mysql")
    .WithDataVolume();
var financedb = mysql.AddDatabase("financedb");

var cache = builder.AddRedis("cache");

var receipts = builder.AddAzureStorage("storage")
    .RunAsEmulator()
    .AddBlobs("receipts");

var api = builder.AddProject<Projects.FinanceTracker_Api>("api")
    .WithReference(financedb)
    .WaitFor(financedb)
    .WithReference(cache)
    .WaitFor(cache)
    .WithReference(receipts)
    .WaitFor(receipts)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.FinanceTracker_Web>("web")
    .WithReference(api)
    .WaitFor(api)
    .WithHttpHealthCheck("/health")
    .WithExternalHttpEndpoints();

builder.Build().Run();
