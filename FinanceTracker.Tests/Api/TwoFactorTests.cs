using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>TOTP two-factor sign-in through Identity's endpoints, with codes computed as an authenticator app would.</summary>
public sealed class TwoFactorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WithTwoFactorOnThePasswordAloneIsNotEnoughAndTheCodeSignsIn()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var authenticator = await Authenticator.EnableAsync(await api.NewUserClientAsync(email));
        var client = api.AnonymousClient();

        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal("RequiresTwoFactor", (await passwordOnly.AssertProblemAsync(HttpStatusCode.Unauthorized)).Detail);

        var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorCode = authenticator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.NotEmpty((await withCode.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);

        var withRecovery = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorRecoveryCode = authenticator.RecoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
    }

    [Fact]
    public async Task AWrongCodeIsRefused()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var authenticator = await Authenticator.EnableAsync(await api.NewUserClientAsync(email));
        var wrong = (int.Parse(authenticator.CodeAt(0), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000;

        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login",
            new { email, password = ApiFixture.Password, twoFactorCode = wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeletingAnAccountWithTwoFactorOnNeedsTheCodeToo()
    {
        var client = await api.NewUserClientAsync();
        var authenticator = await Authenticator.EnableAsync(client);

        var withoutCode = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password });
        await withoutCode.AssertProblemAsync(HttpStatusCode.BadRequest, "twoFactorCode");

        var withCode = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password, twoFactorCode = authenticator.NextCode() });
        Assert.Equal(HttpStatusCode.NoContent, withCode.StatusCode);
    }

    [Fact]
    public async Task ACodeThatSignedInOnceIsRefusedTheSecondTime()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var authenticator = await Authenticator.EnableAsync(await api.NewUserClientAsync(email));
        var client = api.AnonymousClient();
        var code = authenticator.NextCode();

        var first = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorCode = code });
        var replay = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorCode = code });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await replay.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var fresh = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorCode = authenticator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task ARecoveryCodeWorksOnce()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var authenticator = await Authenticator.EnableAsync(await api.NewUserClientAsync(email));
        var client = api.AnonymousClient();
        var recovery = new { email, password = ApiFixture.Password, twoFactorRecoveryCode = authenticator.RecoveryCodes[1] };

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", recovery)).StatusCode);
        await (await client.PostAsJsonAsync("/api/auth/login", recovery)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }
}
