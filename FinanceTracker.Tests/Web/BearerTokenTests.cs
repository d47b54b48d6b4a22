using System.Net;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace FinanceTracker.Tests.Web;

public sealed class BearerTokenTests
{
    private readonly FakeApi _api = new();
    private readonly FixedTime _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private HttpClient ClientWith(AuthTokens tokens)
    {
        var provider = new TokenProvider(new HttpContextAccessor(), _api.Client, _time, NullLogger<TokenProvider>.Instance, new RefreshedTokens(_time));
        provider.Set(tokens);
        var services = new ServiceCollection().AddSingleton(provider).BuildServiceProvider();
        var accessor = new CircuitServicesAccessor { Services = services };
        var handler = new BearerTokenHandler(accessor, new HttpContextAccessor()) { InnerHandler = _api };
        return new HttpClient(handler) { BaseAddress = new Uri("http://api/") };
    }

    [Fact]
    public async Task SendsTheSignedInPersonsAccessToken()
    {
        string? sent = null;
        _api.On(HttpMethod.Get, "/api/accounts", r => { sent = r.Headers.Authorization?.ToString(); return FakeApi.Json(HttpStatusCode.OK, Array.Empty<Account>()); });
        var client = ClientWith(new AuthTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(30)));

        await client.GetAsync("api/accounts");

        Assert.Equal("Bearer access-1", sent);
    }

    [Fact]
    public async Task RefreshesATokenAboutToExpireBeforeSending()
    {
        string? sent = null;
        _api.On(HttpMethod.Post, "/api/auth/refresh", HttpStatusCode.OK, new TokenResponse("Bearer", "access-2", 3600, "refresh-2"))
            .On(HttpMethod.Get, "/api/accounts", r => { sent = r.Headers.Authorization?.ToString(); return FakeApi.Json(HttpStatusCode.OK, Array.Empty<Account>()); });
        var client = ClientWith(new AuthTokens("access-1", "refresh-1", _time.GetUtcNow().AddSeconds(30)));

        await client.GetAsync("api/accounts");

        Assert.Equal("Bearer access-2", sent);
        Assert.Contains(_api.Requests, r => r.PathAndQuery == "/api/auth/refresh" && r.Body!.Contains("refresh-1"));
    }

    [Fact]
    public async Task SignInAndRefreshGoWithoutAToken()
    {
        string? sent = "unset";
        _api.On(HttpMethod.Post, "/api/auth/login", r => { sent = r.Headers.Authorization?.ToString(); return FakeApi.Json(HttpStatusCode.OK, new TokenResponse("Bearer", "a", 3600, "r")); });
        var client = ClientWith(new AuthTokens("access-1", "refresh-1", _time.GetUtcNow().AddMinutes(30)));

        await client.PostAsync("api/auth/login", new StringContent("{}"));

        Assert.Null(sent);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
