using System.Net;
using System.Security.Claims;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace FinanceTracker.Tests.Web;

/// <summary>The Web's cookie is only as alive as the Api session behind it, checked on pages, not on static files.</summary>
public sealed class SessionCookieTests
{
    private readonly FakeApi _api = new();
    private readonly MovableTime _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    private readonly RefreshedTokens _refreshed;
    private readonly SignOutRecorder _auth = new();

    public SessionCookieTests() => _refreshed = new RefreshedTokens(_time);

    private static readonly Endpoint Page = new(_ => Task.CompletedTask, new EndpointMetadataCollection(), "page");

    private static readonly Endpoint Stylesheet = new(_ => Task.CompletedTask, new EndpointMetadataCollection(new StaticAssetDescriptor
    {
        Route = "app.css", AssetPath = "app.css", Selectors = [], Properties = [], ResponseHeaders = [],
    }), "app.css");

    private static readonly Endpoint Negotiate = new(_ => Task.CompletedTask, new EndpointMetadataCollection(new NegotiateMetadata()), "negotiate");

    private async Task<CookieValidatePrincipalContext> ValidateAsync(AuthTokens tokens, Endpoint? endpoint)
    {
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(_api.Client)
            .AddSingleton(_refreshed)
            .AddSingleton<IAuthenticationService>(_auth)
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.SetEndpoint(endpoint);
        var properties = new AuthenticationProperties();
        tokens.StoreIn(properties);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "me@example.com")], "Cookies"));
        var context = new CookieValidatePrincipalContext(http,
            new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler)),
            new CookieAuthenticationOptions(), new AuthenticationTicket(principal, properties, "Cookies"));
        await CookieTokenRefresher.ValidateAsync(context);
        return context;
    }

    private AuthTokens Fresh(string name = "1") => new("access-" + name, "refresh-" + name, _time.GetUtcNow().AddMinutes(30));

    [Fact]
    public async Task ACookieWhoseSessionIsAliveStays()
    {
        _api.On(HttpMethod.Get, "/api/auth/manage/info", HttpStatusCode.OK, new UserInfo("me@example.com", true));

        var context = await ValidateAsync(Fresh(), Page);

        Assert.NotNull(context.Principal);
        Assert.Contains(_api.Requests, r => r.PathAndQuery == "/api/auth/manage/info");
    }

    [Fact]
    public async Task ACookieWhoseSessionEndedIsRejectedOnTheNextPage()
    {
        _api.On(HttpMethod.Get, "/api/auth/manage/info", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var context = await ValidateAsync(Fresh(), Page);

        Assert.Null(context.Principal);
        Assert.True(_auth.SignedOut);
    }

    [Fact]
    public async Task StaticFilesAndTheCircuitNegotiationDoNotAskTheApi()
    {
        _api.On(HttpMethod.Get, "/api/auth/manage/info", _ => new HttpResponseMessage(HttpStatusCode.Unauthorized));

        var css = await ValidateAsync(Fresh(), Stylesheet);
        var negotiate = await ValidateAsync(Fresh(), Negotiate);

        Assert.NotNull(css.Principal);
        Assert.NotNull(negotiate.Principal);
        Assert.Empty(_api.Requests);
        Assert.True(SessionCheck.AppliesTo(Page));
        Assert.False(SessionCheck.AppliesTo(null));
    }

    [Fact]
    public async Task AWebThatCannotReachTheApiKeepsThePersonSignedIn()
    {
        _api.On(HttpMethod.Get, "/api/auth/manage/info", _ => throw new HttpRequestException("Connection refused"));

        var context = await ValidateAsync(Fresh(), Page);

        Assert.NotNull(context.Principal);
    }

    [Fact]
    public async Task ACookieOlderThanItsCircuitTakesTheCircuitsTokensInsteadOfReusingASpentRefreshToken()
    {
        var refreshes = 0;
        _api.On(HttpMethod.Post, "/api/auth/refresh", _ =>
            FakeApi.Json(HttpStatusCode.OK, new TokenResponse("Bearer", $"access-{++refreshes + 1}", 3600, $"refresh-{refreshes + 1}")))
            .On(HttpMethod.Get, "/api/auth/manage/info", HttpStatusCode.OK, new UserInfo("me@example.com", true));
        var cookie = new AuthTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(1));

        // The circuit refreshes in memory; the cookie in the browser still holds refresh-1.
        var circuit = await _refreshed.RefreshAsync(_api.Client, cookie, TokenProvider.RefreshMargin, default);
        var context = await ValidateAsync(cookie, Page);

        Assert.Equal(1, refreshes);
        Assert.Equal(circuit, AuthTokens.ReadFrom(context.Properties));
        Assert.True(context.ShouldRenew);
        Assert.DoesNotContain(_api.Requests.Skip(1), r => r.Body?.Contains("refresh-1") == true);
    }

    [Fact]
    public async Task TwoRequestsRefreshingTogetherSpendTheRefreshTokenOnce()
    {
        var refreshes = 0;
        _api.On(HttpMethod.Post, "/api/auth/refresh", _ =>
            FakeApi.Json(HttpStatusCode.OK, new TokenResponse("Bearer", "access-2", 3600, $"refresh-{++refreshes + 1}")));
        var expiring = new AuthTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(1));

        var both = await Task.WhenAll(
            _refreshed.RefreshAsync(_api.Client, expiring, TokenProvider.RefreshMargin, default),
            _refreshed.RefreshAsync(_api.Client, expiring, TokenProvider.RefreshMargin, default));

        Assert.Equal(1, refreshes);
        Assert.Equal(both[0], both[1]);
    }

    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class SignOutRecorder : IAuthenticationService
    {
        public bool SignedOut { get; private set; }

        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => Task.FromResult(AuthenticateResult.NoResult());

        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => Task.CompletedTask;

        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties)
        {
            SignedOut = true;
            return Task.CompletedTask;
        }
    }
}
