namespace FinanceTracker.Web.Auth;

/// <summary>
/// Tells the Api who the person is behind the Web (X-Forwarded-For, User-Agent) when a call is made for an HTTP
/// request (sign-in, sign-up, token refresh): the Api counts sign-in attempts per client IP and records sessions,
/// and without this every person would be the Web's own address.
/// </summary>
internal sealed class ForwardedClientHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext is { } context && !request.Headers.Contains("X-Forwarded-For"))
        {
            if (context.Connection.RemoteIpAddress is { } ip)
            {
                request.Headers.TryAddWithoutValidation("X-Forwarded-For", ip.ToString());
            }
            if (!request.Headers.UserAgent.Any() && context.Request.Headers.UserAgent is { Count: > 0 } userAgent)
            {
                request.Headers.TryAddWithoutValidation("User-Agent", userAgent.ToString());
            }
        }
        return base.SendAsync(request, cancellationToken);
    }
}
