using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Exports;
using FinanceTracker.Web.Receipts;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web;

internal static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents(options =>
        {
            // Toasts drop in at the top, under the header: at the bottom they covered the pager (and on a phone, Save).
            options.Toast.Position = ToastPosition.TopCenter;
            options.Toast.VerticalOffset = 60;
        });
        // Radzen is here for its charts only; their tooltips go through its TooltipService.
        builder.Services.AddScoped<Radzen.TooltipService>();
        builder.Services.AddWebAuthentication(builder.Configuration);

        // The service defaults' resilience handler retries every method; this client replaces it (see below).
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient<FinanceApiClient>(client => client.BaseAddress = new("https+http://api"))
            .AddHttpMessageHandler<BearerTokenHandler>()
            .AddHttpMessageHandler<ForwardedClientHandler>()
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(ConfigureResilience);
#pragma warning restore EXTEXP0001
        builder.Services.AddReceiptProxy();
        builder.Services.AddImportExportClients();
        return builder;
    }

    /// <summary>
    /// Retrying a POST could book a transaction twice, so only safe methods retry; short delays let a
    /// page say "the service is unreachable" within seconds instead of spinning.
    /// </summary>
    private static void ConfigureResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.ShouldHandle = args => TransientButNotRateLimited(args.Outcome);
        options.CircuitBreaker.ShouldHandle = args => TransientButNotRateLimited(args.Outcome);
        options.Retry.DisableForUnsafeHttpMethods();
        options.Retry.MaxRetryAttempts = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(25);
    }

    /// <summary>
    /// A 429 is the Api refusing one person's too many requests: passed on at once (its problem says how long to wait),
    /// neither retried (the retry waited out its Retry-After, and the page with it, up to the 25 s total) nor counted
    /// as the service failing (it would open the circuit for everyone).
    /// </summary>
    private static ValueTask<bool> TransientButNotRateLimited(Polly.Outcome<HttpResponseMessage> outcome) =>
        ValueTask.FromResult(outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests && HttpClientResiliencePredicates.IsTransient(outcome));
}
