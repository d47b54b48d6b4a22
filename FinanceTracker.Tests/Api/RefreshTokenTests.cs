using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Refresh tokens rotate: each works once, and a reused one signs the person out everywhere.</summary>
public sealed class RefreshTokenTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task EachRefreshTokenInAChainWorksOnce()
    {
        var client = api.AnonymousClient();
        var tokens = await SignInAsync(client);

        for (var i = 0; i < 3; i++)
        {
            tokens = (await RefreshAsync(client, tokens.RefreshToken, HttpStatusCode.OK))!;
        }
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task AReusedRefreshTokenIsRefusedAndRetiresTheWholeFamily()
    {
        var client = api.AnonymousClient();
        var first = await SignInAsync(client);
        var second = await RefreshAsync(client, first.RefreshToken, HttpStatusCode.OK);

        await RefreshAsync(client, first.RefreshToken, HttpStatusCode.Unauthorized);

        // The thief's copy and the person's newer token die together; signing in again works.
        await RefreshAsync(client, second!.RefreshToken, HttpStatusCode.Unauthorized);
        Assert.NotNull(await SignInAsync(client, email: lastEmail));
    }

    [Fact]
    public async Task TwoRefreshesWithOneTokenAtOnceNeverGiveTwoNewTokens()
    {
        var client = api.AnonymousClient();
        var tokens = await SignInAsync(client);

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken })));

        // One may win, or the reuse may retire both: a copy of a token never yields a second live session.
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Unauthorized }));
    }

    private string? lastEmail;

    private async Task<TokenResponse> SignInAsync(HttpClient client, string? email = null)
    {
        if (email is null)
        {
            email = lastEmail = $"refresh-{Guid.NewGuid():N}@example.com";
            await api.NewUserClientAsync(email);
        }
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
    }

    private static async Task<TokenResponse?> RefreshAsync(HttpClient client, string refreshToken, HttpStatusCode expected)
    {
        var response = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(expected, response.StatusCode);
        return expected == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<TokenResponse>() : null;
    }
}
