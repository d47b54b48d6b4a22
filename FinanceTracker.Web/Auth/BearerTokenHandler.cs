using System.Net.Http.Headers;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Adds the signed-in person's Api token. Handlers are built in the HttpClient factory's own scope,
/// so the token provider is taken from the active circuit, or else from the HTTP request.
/// </summary>
public sealed class BearerTokenHandler(CircuitServicesAccessor circuit, IHttpContextAccessor httpContextAccessor)
    : DelegatingHandler
{
    private static readonly string[] AnonymousPaths =
        ["/api/auth/login", "/api/auth/register", "/api/auth/refresh", "/api/auth/forgotPassword", "/api/auth/resetPassword"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null && !IsAnonymous(request.RequestUri))
        {
            var services = circuit.Services ?? httpContextAccessor.HttpContext?.RequestServices;
            if (services?.GetService<TokenProvider>() is { } tokens
                && await tokens.GetAccessTokenAsync(cancellationToken) is { } accessToken)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            }
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private static bool IsAnonymous(Uri? uri) =>
        uri is not null && AnonymousPaths.Any(path => uri.AbsolutePath.Equals(path, StringComparison.OrdinalIgnoreCase));
}
