using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;
using OtpNet;

namespace FinanceTracker.Tests.Api;

/// <summary>TOTP two-factor sign-in through Identity's endpoints, with codes computed as an authenticator app would.</summary>
public sealed class TwoFactorTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task WithTwoFactorOnThePasswordAloneIsNotEnoughAndTheCodeSignsIn()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var (key, recoveryCodes) = await EnableTwoFactorAsync(await api.NewUserClientAsync(email));
        var client = api.AnonymousClient();

        var passwordOnly = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal("RequiresTwoFactor", (await passwordOnly.AssertProblemAsync(HttpStatusCode.Unauthorized)).Detail);

        var withCode = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorCode = Code(key) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        Assert.NotEmpty((await withCode.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken);

        var withRecovery = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password, twoFactorRecoveryCode = recoveryCodes[0] });
        Assert.Equal(HttpStatusCode.OK, withRecovery.StatusCode);
    }

    [Fact]
    public async Task AWrongCodeIsRefused()
    {
        var email = $"totp-{Guid.NewGuid():N}@example.com";
        var (key, _) = await EnableTwoFactorAsync(await api.NewUserClientAsync(email));
        var wrong = (int.Parse(Code(key), System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000;

        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/login",
            new { email, password = ApiFixture.Password, twoFactorCode = wrong.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) });

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task DeletingAnAccountWithTwoFactorOnNeedsTheCodeToo()
    {
        var client = await api.NewUserClientAsync();
        var (key, _) = await EnableTwoFactorAsync(client);

        var withoutCode = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password });
        await withoutCode.AssertProblemAsync(HttpStatusCode.BadRequest, "twoFactorCode");

        var withCode = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password, twoFactorCode = Code(key) });
        Assert.Equal(HttpStatusCode.NoContent, withCode.StatusCode);
    }

    /// <summary>Reads the shared key, confirms it with a code (as enrolment does) and returns the key and recovery codes.</summary>
    private static async Task<(byte[] Key, string[] RecoveryCodes)> EnableTwoFactorAsync(HttpClient client)
    {
        var setup = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<TwoFactorState>();
        var key = Base32Encoding.ToBytes(setup!.SharedKey);
        var enabled = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = Code(key) });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var state = (await enabled.Content.ReadFromJsonAsync<TwoFactorState>())!;
        Assert.True(state.IsTwoFactorEnabled);
        return (key, state.RecoveryCodes!);
    }

    private static string Code(byte[] key) => new Totp(key).ComputeTotp();

    private sealed record TwoFactorState(string SharedKey, bool IsTwoFactorEnabled, string[]? RecoveryCodes);
}
