using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Azure.Storage.Blobs;
using FinanceTracker.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace FinanceTracker.Tests.Api;

/// <summary>What the Aspire dashboard receives from the Api: its own meters, and background work as one trace per job.</summary>
public sealed class TelemetryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task MigrationsOnAnEmptyDatabaseAreOneTraceUnderOneParentAndAreCounted()
    {
        using var measurements = new ScopedMeasurements("FinanceTracker.Migrations");
        var spans = new SpanCollector();
        await using var database = await TestDatabase.CreateAsync(api.App, "ft_tel");
        await using var host = await StartAsync(new ApiFactory(api.App, database.ConnectionString), spans);

        var commands = spans.DatabaseSpans(database.Name);
        Assert.All(commands, c => Assert.NotEqual(default, c.ParentSpanId));
        var run = Assert.Single(spans.RootsOf(commands), r => r.DisplayName == "Apply database migrations");
        Assert.All(spans.RootsOf(commands), r => Assert.Equal("FinanceTracker.Api", r.Source.Name));
        Assert.Contains(commands, c => c.TraceId == run.TraceId
                                       && (c.GetTagItem("db.query.text") ?? c.GetTagItem("db.statement")) is string sql && sql.Contains("GET_LOCK", StringComparison.Ordinal));

        var migrations = typeof(FinanceTracker.Api.Auth.AppUser).Assembly.GetTypes().Count(t => t.IsDefined(typeof(FluentMigrator.MigrationAttribute), false));
        var scope = host.Services.GetRequiredService<IMeterFactory>();
        Assert.Equal(migrations, measurements.Sum(scope, "financetracker.migrations.applied"));
        Assert.Equal(1, measurements.Count(scope, "financetracker.migrations.duration"));
    }

    [Fact]
    public async Task AnIdleSweepLeavesNoTraceAndASweepWithWorkIsOneTraceUnderOneParent()
    {
        var spans = new SpanCollector();
        await using var database = await TestDatabase.CreateAsync(api.App, "ft_tel");
        var factory = new ApiFactory(api.App, database.ConnectionString);
        await using var host = await StartAsync(factory, spans, sweepInterval: "00:00:01");
        var startup = spans.DatabaseSpans(database.Name).Select(c => c.TraceId).ToHashSet();
        var container = new BlobServiceClient(api.App.ConnectionStrings["receipts"]).GetBlobContainerClient(factory.ReceiptsContainer);
        // The test's own storage and database calls stay out of the spans under test.
        using var quiet = SuppressInstrumentationScope.Begin();
        await container.CreateIfNotExistsAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Subset(startup, spans.DatabaseSpans(database.Name).Select(c => c.TraceId).ToHashSet());

            await database.ScalarAsync<long>("INSERT INTO pending_blob_deletions (blob_name) VALUES ('0/0')");
            var sweep = await EventuallyAsync(() => spans.RootsOf(spans.DatabaseSpans(database.Name).Where(c => !startup.Contains(c.TraceId))).FirstOrDefault());

            Assert.Equal(("FinanceTracker.Api", "Sweep receipt blobs"), (sweep.Source.Name, sweep.DisplayName));
            var sweepCommands = spans.DatabaseSpans(database.Name).Where(c => !startup.Contains(c.TraceId)).ToList();
            Assert.All(sweepCommands, c => Assert.Equal((sweep.TraceId, true), (c.TraceId, c.ParentSpanId != default)));
            Assert.Contains(spans.Ended, s => s.TraceId == sweep.TraceId && s.Source.Name.StartsWith("Azure.", StringComparison.Ordinal));
            Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM pending_blob_deletions"));
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task StoredReceiptsAreCountedWithTheirBytesAndRejectedOnesAreNot()
    {
        await using var replica = new ApiFactory(api.App);
        using var measurements = new ScopedMeasurements("FinanceTracker.Receipts");
        var owner = await api.NewUserClientAsync();
        var t = await owner.CreateTransactionAsync((await owner.CreateAccountAsync()).Id, -5m);
        var client = replica.CreateClient();
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        var jpeg = ReceiptSamples.Jpeg();

        await client.AddReceiptAsync(t.Id, jpeg);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await client.UploadReceiptAsync(t.Id, "plain text"u8.ToArray())).StatusCode);

        var scope = replica.Services.GetRequiredService<IMeterFactory>();
        Assert.Equal(1, measurements.Sum(scope, "financetracker.receipts.uploaded"));
        Assert.Equal(jpeg.Length, measurements.Sum(scope, "financetracker.receipts.uploaded.bytes"));
    }

    /// <summary>The Api on <paramref name="factory"/>, started, with every span its pipeline ends sent to <paramref name="spans"/>.</summary>
    private static async Task<WebApplicationFactory<FinanceTracker.Api.Auth.AppUser>> StartAsync(
        ApiFactory factory, SpanCollector spans, string? sweepInterval = null)
    {
        var host = factory.WithWebHostBuilder(builder =>
        {
            if (sweepInterval is not null) builder.UseSetting("Receipts:SweepInterval", sweepInterval);
            builder.ConfigureServices(services => services.AddOpenTelemetry().WithTracing(tracing => tracing.AddProcessor(spans)));
        });
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync("/alive")).StatusCode);
        return host;
    }

    private static async Task<T> EventuallyAsync<T>(Func<T?> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (probe() is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, "Nothing showed up within 20 s.");
            await Task.Delay(200);
        }
    }
}
