using FinanceTracker.Web.Auth;

namespace FinanceTracker.Web.Api;

public static class StreamingApiClients
{
    /// <summary>
    /// A typed client to the Api for long transfers (uploads, downloads, big commits): the person's bearer token, no
    /// retries (a body streamed once cannot be sent again) and <paramref name="timeout"/> instead of the 10-second attempts.
    /// </summary>
    public static IServiceCollection AddStreamingApiClient<TClient>(this IServiceCollection services, TimeSpan timeout) where TClient : class
    {
#pragma warning disable EXTEXP0001
        services.AddHttpClient<TClient>(client =>
            {
                client.BaseAddress = new("https+http://api");
                client.Timeout = timeout;
            })
            .AddHttpMessageHandler<BearerTokenHandler>()
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }
}
