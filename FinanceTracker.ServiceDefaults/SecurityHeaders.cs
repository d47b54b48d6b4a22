using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Response headers every FinanceTracker service sends, whatever it serves.</summary>
public static class SecurityHeaders
{
    /// <summary>Kestrel stops naming itself: a Server header only helps whoever looks for a known flaw.</summary>
    public static TBuilder AddSecurityHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// No content-type sniffing, no referrer leaving the app (URLs carry filters and ids), and no framing by another
    /// site (clickjacking); HSTS outside Development, where the app is reached over TLS.
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // Blazor writes its own policy as the response starts (set to 'none' in the Web); others get this one.
            context.Response.OnStarting(() =>
            {
                if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = "frame-ancestors 'none'";
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }
}
