using Azure;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Stand-in for Aspire.Azure.Storage.Blobs's <c>AddAzureBlobServiceClient</c> (same name, same keys:
/// <c>ConnectionStrings:{name}</c>, section <c>Aspire:Azure:Storage:Blobs</c>), because that package is not
/// served in this build environment. Accepts a storage connection string (Azurite, account keys) or a
/// service URI (Azure, managed identity). Delete this file and reference the package where it is served.
/// </summary>
public static class BlobServiceClientExtensions
{
    private const string ConfigurationSection = "Aspire:Azure:Storage:Blobs";

    public static void AddAzureBlobServiceClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var settings = ClientSettings.Bind(builder.Configuration, ConfigurationSection, connectionName);
        if (string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionString is missing. Set 'ConnectionStrings:{connectionName}' or '{ConfigurationSection}:ConnectionString'.");
        }

        var options = new BlobClientOptions
        {
            // Fail fast when storage is down instead of holding a request for the default ~100 s.
            Retry = { MaxRetries = 1, Delay = TimeSpan.FromMilliseconds(200), NetworkTimeout = TimeSpan.FromSeconds(5) },
        };
        var connectionString = settings.ConnectionString;
        builder.Services.AddSingleton(_ => Uri.TryCreate(connectionString, UriKind.Absolute, out var serviceUri)
            ? new BlobServiceClient(serviceUri, new DefaultAzureCredential(), options)
            : new BlobServiceClient(connectionString, options));

        if (!settings.DisableHealthChecks)
        {
            builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
                $"AzureBlobStorage_{connectionName}",
                sp => new BlobStorageHealthCheck(sp.GetRequiredService<BlobServiceClient>()),
                failureStatus: HealthStatus.Degraded,
                tags: null,
                timeout: TimeSpan.FromSeconds(5)));
        }

        if (!settings.DisableTracing)
        {
            AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
            builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource("Azure.*"));
        }
    }

    private sealed class BlobStorageHealthCheck(BlobServiceClient client) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await client.GetBlobContainersAsync(cancellationToken: cancellationToken).AsPages(pageSizeHint: 1)
                    .GetAsyncEnumerator(cancellationToken).MoveNextAsync();
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or OperationCanceledException)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "Blob storage is unreachable.", ex);
            }
        }
    }
}
