using System.Net;
using System.Net.Http.Json;
using OtpNet;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// An authenticator app for a test: enrols through the Api and computes codes. Each code works once, so a test asks
/// for the code of a later 30-second step (the Api accepts two steps either side of now) instead of waiting.
/// </summary>
public sealed class Authenticator(byte[] key, string[] recoveryCodes)
{
    private int nextStep = -1;

    public string[] RecoveryCodes { get; } = recoveryCodes;

    /// <summary>A code nobody used yet: steps -1, 0, +1 of now, in that order, so each is later than the one before.</summary>
    public string NextCode() => CodeAt(nextStep++);

    public string CodeAt(int steps) => new Totp(key).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>Reads the shared key, confirms it with a code (as enrolment does) and turns two-factor on.</summary>
    public static async Task<Authenticator> EnableAsync(HttpClient client)
    {
        var setup = await (await client.PostAsJsonAsync("/api/auth/manage/2fa", new { })).Content.ReadFromJsonAsync<TwoFactorState>();
        var authenticator = new Authenticator(Base32Encoding.ToBytes(setup!.SharedKey), []);
        var enabled = await client.PostAsJsonAsync("/api/auth/manage/2fa", new { enable = true, twoFactorCode = authenticator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var state = (await enabled.Content.ReadFromJsonAsync<TwoFactorState>())!;
        Assert.True(state.IsTwoFactorEnabled);
        return new Authenticator(Base32Encoding.ToBytes(setup.SharedKey), state.RecoveryCodes!) { nextStep = authenticator.nextStep };
    }

    private sealed record TwoFactorState(string SharedKey, bool IsTwoFactorEnabled, string[]? RecoveryCodes);
}
