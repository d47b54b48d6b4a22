using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Every sign-in is a session the person can see and end; an ended session's access and refresh tokens stop working
/// from the very next request, on sign-out, "sign out everywhere else", a password change or a two-factor change.
/// </summary>
public sealed class SessionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EachSignInIsASessionAndTheListMarksTheCallersOwn()
    {
        var email = NewEmail();
        var laptop = await api.NewUserClientAsync(email);
        var phone = await SignInAsync(email, userAgent: "Phone/1.0");

        var sessions = await ListAsync(phone.Client);

        Assert.Equal(2, sessions.Length);
        var own = Assert.Single(sessions, s => s.Current);
        Assert.Equal("Phone/1.0", own.UserAgent);
        Assert.NotNull(own.IpAddress);
        Assert.Equal(2, (await ListAsync(laptop)).Length);
    }

    [Fact]
    public async Task EndingAnotherSessionRetiresItsAccessAndRefreshTokensAtOnce()
    {
        var email = NewEmail();
        var laptop = await api.NewUserClientAsync(email);
        var phone = await SignInAsync(email);
        var phoneSession = Assert.Single(await ListAsync(phone.Client), s => s.Current);

        Assert.Equal(HttpStatusCode.NoContent, (await laptop.DeleteAsync($"/api/auth/sessions/{phoneSession.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync("/api/accounts")).StatusCode);
        await AssertRefreshRefusedAsync(phone.Tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/accounts")).StatusCode);
        Assert.Single(await ListAsync(laptop));
    }

    [Fact]
    public async Task SigningOutEndsOnlyThisSession()
    {
        var email = NewEmail();
        var laptop = await api.NewUserClientAsync(email);
        var phone = await SignInAsync(email);

        Assert.Equal(HttpStatusCode.NoContent, (await phone.Client.PostAsync("/api/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync("/api/accounts")).StatusCode);
        await AssertRefreshRefusedAsync(phone.Tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task SignOutEverywhereElseKeepsOnlyTheCaller()
    {
        var email = NewEmail();
        var others = new[] { await api.NewUserClientAsync(email), (await SignInAsync(email)).Client };
        var here = await SignInAsync(email);

        Assert.Equal(HttpStatusCode.NoContent, (await here.Client.PostAsync("/api/auth/sessions/end-others", null)).StatusCode);

        foreach (var other in others)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/accounts")).StatusCode);
        }
        Assert.True(Assert.Single(await ListAsync(here.Client)).Current);
        Assert.NotNull(await RefreshAsync(here.Tokens.RefreshToken));
    }

    [Fact]
    public async Task APasswordChangeEndsEveryOtherSessionAndKeepsTheCallers()
    {
        var email = NewEmail();
        var other = await api.NewUserClientAsync(email);
        var here = await SignInAsync(email);

        var change = await here.Client.PostAsJsonAsync("/api/auth/manage/info",
            new { oldPassword = ApiFixture.Password, newPassword = "A-whole-new-passphrase-2026" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/api/accounts")).StatusCode);
        Assert.NotNull(await RefreshAsync(here.Tokens.RefreshToken));
    }

    [Fact]
    public async Task TurningOnTwoFactorEndsEveryOtherSession()
    {
        var email = NewEmail();
        var other = await api.NewUserClientAsync(email);
        var here = await SignInAsync(email);

        await Authenticator.EnableAsync(here.Client);

        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.Client.GetAsync("/api/accounts")).StatusCode);
        Assert.NotNull(await RefreshAsync(here.Tokens.RefreshToken));
    }

    [Fact]
    public async Task NobodyCanEndAnotherPersonsSession()
    {
        var victim = await api.NewUserClientAsync();
        var victimSession = Assert.Single(await ListAsync(victim));
        var attacker = await api.NewUserClientAsync();

        var response = await attacker.DeleteAsync($"/api/auth/sessions/{victimSession.Id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await attacker.DeleteAsync("/api/auth/sessions/not-a-session")).StatusCode);
    }

    [Fact]
    public async Task TheApiDoesNotIssueCookies()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);

        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password = ApiFixture.Password });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "useCookies");
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    private static string NewEmail() => $"session-{Guid.NewGuid():N}@example.com";

    private async Task<(HttpClient Client, TokenResponse Tokens)> SignInAsync(string email, string? userAgent = null)
    {
        var client = api.AnonymousClient();
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return (client, tokens);
    }

    private static async Task<Session[]> ListAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<Session[]>("/api/auth/sessions"))!;

    private async Task<TokenResponse?> RefreshAsync(string refreshToken)
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<TokenResponse>();
    }

    private async Task AssertRefreshRefusedAsync(string refreshToken) =>
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.AnonymousClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken })).StatusCode);

    private sealed record Session(string Id, DateTime CreatedAt, DateTime LastSeenAt, string? UserAgent, string? IpAddress, bool Current);
}
