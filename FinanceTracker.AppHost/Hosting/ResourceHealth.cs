using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace FinanceTracker.AppHost.Hosting;

internal static class ResourceHealth
{
    /// <summary>
    /// A health check that runs <paramref name="probe"/> against the resource's connection string: the resource
    /// is healthy once a real client gets an answer, which is what <c>WaitFor</c> waits for.
    /// </summary>
    public static IResourceBuilder<T> WithConnectionHealthCheck<T>(this IResourceBuilder<T> builder,
        Func<string, CancellationToken, Task> probe) where T : IResourceWithConnectionString
    {
        var resource = builder.Resource;
        var key = $"{resource.Name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddAsyncCheck(key, async cancellationToken =>
        {
            try
            {
                // Evaluated on every probe: endpoints are allocated late, and a restart may move the target port.
                var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken)
                    ?? throw new InvalidOperationException("The connection string is not known yet.");
                await probe(connectionString, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"{resource.Name} does not answer yet: {ex.Message}");
            }
        });
        return builder.WithHealthCheck(key);
    }

    /// <summary>
    /// Shows a child (a database, a blob service) as Running once its server is ready and <paramref name="prepare"/>
    /// ran. Aspire copies a parent's state to its children only for containers; without this, a child of a
    /// process stays Unknown and everything that waits for it waits forever.
    /// </summary>
    public static IResourceBuilder<TChild> RunsWhenParentIsReady<TChild>(this IResourceBuilder<TChild> child, IResource parent,
        Func<IServiceProvider, CancellationToken, Task>? prepare = null) where TChild : IResource
    {
        child.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(parent, async (@event, cancellationToken) =>
        {
            if (prepare is not null) await prepare(@event.Services, cancellationToken);
            await @event.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(child.Resource, snapshot =>
                snapshot with { State = KnownResourceStates.Running, StartTimeStamp = snapshot.StartTimeStamp ?? DateTime.UtcNow });
        });
        return child;
    }
}
