using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>Response headers every FinanceTracker service sends, whatever it serves.</summary>
public static class SecurityHeaders
{
    /// <summary>For responses that are not pages: nothing may frame them.</summary>
    public const string DefaultContentSecurityPolicy = "frame-ancestors 'none'";

    /// <summary>
    /// Kestrel stops naming itself (a Server header only helps whoever looks for a known flaw); HSTS, when sent,
    /// pins https for a year.
    /// </summary>
    public static TBuilder AddSecurityHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<KestrelServerOptions>(options => options.AddServerHeader = false);
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>
    /// No content-type sniffing, no referrer leaving the app (URLs carry filters and ids), no framing by another
    /// site (clickjacking), the given Content-Security-Policy; HSTS outside Development, on https requests only
    /// (also when a proxy terminated TLS and said so in X-Forwarded-Proto).
    /// </summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app, string contentSecurityPolicy = DefaultContentSecurityPolicy)
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
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            await next(context);
        });
        return app;
    }
}
