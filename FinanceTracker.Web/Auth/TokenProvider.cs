using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// Holds the Api tokens for the current request or circuit. A circuit outlives the HttpContext,
/// so the tokens are captured from the cookie when the circuit starts and refreshed here in memory.
/// </summary>
public sealed class TokenProvider(
    IHttpContextAccessor httpContextAccessor,
    FinanceApiClient api,
    TimeProvider time,
    ILogger<TokenProvider> logger,
    RefreshedTokens refreshed)
{
    /// <summary>Refresh this long before expiry so a request never leaves with a token about to lapse.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private AuthTokens? _tokens;
    private bool _captured;

    public void Set(AuthTokens? tokens)
    {
        _tokens = tokens is null ? null : refreshed.Latest(tokens);
        _captured = true;
    }

    /// <summary>Reads the tokens from the auth cookie of the HTTP request (or the circuit's connection).</summary>
    public async Task CaptureAsync()
    {
        if (_captured || httpContextAccessor.HttpContext is not { } context)
        {
            return;
        }
        var result = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        Set(result.Succeeded ? AuthTokens.ReadFrom(result.Properties) : null);
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken ct = default)
    {
        await CaptureAsync();
        if (_tokens is null || !_tokens.ExpiresWithin(RefreshMargin, time.GetUtcNow()))
        {
            return _tokens?.AccessToken;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_tokens.ExpiresWithin(RefreshMargin, time.GetUtcNow()))
            {
                await RefreshAsync(_tokens, ct);
            }
            return _tokens.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RefreshAsync(AuthTokens current, CancellationToken ct)
    {
        try
        {
            _tokens = await refreshed.RefreshAsync(api, current, RefreshMargin, ct);
        }
        catch (ApiException e) when (e.IsUnauthorized)
        {
            // The Api no longer accepts the session; calls will answer 401 and the page sends the person to sign in.
            logger.LogInformation("Refreshing the Api token was refused; the session has ended.");
        }
    }
}
