using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class AuthTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string WrongPassword = "Wrong-pass1";

    private static string NewEmail() => $"auth-{Guid.NewGuid():N}@example.com";

    [Fact]
    public async Task RegisteredUserLogsInAndRefreshesTheirToken()
    {
        var client = api.AnonymousClient();
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/register", new { email, password = ApiFixture.Password })).StatusCode);

        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        var tokens = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        Assert.Equal("Bearer", tokens.TokenType);
        Assert.True(tokens.ExpiresIn > 0);

        var refresh = await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken });
        var refreshed = (await refresh.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new("Bearer", refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordIs401ProblemDetails()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email, password = WrongPassword });
        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FortyGuessesAtOnceGetOnlyFivePasswordsCheckedBeforeTheLock()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        var client = api.AnonymousClient();

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong-guess{i}" });
            return (await response.AssertProblemAsync(HttpStatusCode.Unauthorized)).Detail;
        }));

        // As one after another: four answer "Failed", the fifth locks the account (and says so), the rest are never checked.
        Assert.Equal(4, answers.Count(a => a == "Failed"));
        Assert.Equal(36, answers.Count(a => a == "LockedOut"));
        var right = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal("LockedOut", (await right.AssertProblemAsync(HttpStatusCode.Unauthorized)).Detail);
    }

    [Fact]
    public async Task RepeatedFailuresLockTheAccountEvenForTheRightPassword()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        var client = api.AnonymousClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { email, password = $"Wrong-pass{i}" });
        }

        var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("LockedOut", problem.Detail);
    }

    [Fact]
    public async Task SigningUpWithATakenEmailAnswersLikeANewAccountAndTellsTheOwner()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        var client = api.AnonymousClient();

        var fresh = await client.PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = ApiFixture.Password });
        var taken = await client.PostAsJsonAsync("/api/auth/register", new { email = email.ToUpperInvariant(), password = "Another-long-passphrase" });

        Assert.Equal(fresh.StatusCode, taken.StatusCode);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.NotNull(await api.App.LinkAsync("Registration attempt notice", email));
        var original = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
    }

    [Fact]
    public async Task AWeakOrMissingPasswordIsNamedAlsoForATakenEmail()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        var client = api.AnonymousClient();

        var weak = await client.PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password = "short" });
        var weakOnTaken = await client.PostAsJsonAsync("/api/auth/register", new { email, password = "short" });
        var missing = await client.PostAsJsonAsync("/api/auth/register", new { email = NewEmail() });

        var problem = await weak.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        var problemOnTaken = await weakOnTaken.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        Assert.Equal(problem.Errors!.Keys, problemOnTaken.Errors!.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task TokensSurviveARestartBecauseKeysLiveInTheDatabase()
    {
        var client = await api.NewUserClientAsync();
        await using var secondApi = new ApiFactory(api.App);
        var other = secondApi.CreateClient();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;

        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/accounts")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorSetupHandsOutAnAuthenticatorKey()
    {
        var client = await api.NewUserClientAsync();
        var response = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { });
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body!["sharedKey"].ToString()));
    }
}
