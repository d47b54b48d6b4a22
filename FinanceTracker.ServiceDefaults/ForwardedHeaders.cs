using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// X-Forwarded-For/-Proto/-Host are believed from loopback and from the proxies in <c>ForwardedHeaders:KnownProxies</c>
/// (IP addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8), nobody else. Behind a
/// TLS-terminating proxy the request is then https (Secure cookies, HSTS) and the client's IP is the one counted.
/// Call <c>app.UseForwardedHeaders()</c> first in the pipeline.
/// </summary>
public static class ForwardedHeadersDefaults
{
    public const string Section = "ForwardedHeaders";

    public static TBuilder AddForwardedHeaders<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var section = builder.Configuration.GetSection(Section);
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults (127.0.0.0/8 and ::1) stay: the Web calls the Api over loopback on one machine.
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }
}
