using FinanceTracker.Web.Auth;
using FinanceTracker.Web.Components.Pages.Identity;
using Microsoft.AspNetCore.DataProtection;

namespace FinanceTracker.Tests.Web;

public sealed class TwoFactorChallengeTests
{
    private const string Password = "Sup3r-$ecret!";
    private readonly EphemeralDataProtectionProvider _keys = new();

    private TwoFactorChallenge At(DateTimeOffset now) => new(_keys, new FixedTime(now));

    [Fact]
    public void ThePasswordTravelsEncryptedAndComesBackOnTheServer()
    {
        var challenges = At(DateTimeOffset.UtcNow);

        var challenge = challenges.Protect("me@example.com", Password);

        Assert.DoesNotContain(Password, challenge);
        Assert.DoesNotContain("me@example.com", challenge);
        Assert.Equal(("me@example.com", Password), challenges.Unprotect(challenge));
    }

    [Fact]
    public void AChallengeOlderThanFiveMinutesIsRefused()
    {
        var challenge = At(DateTimeOffset.UtcNow.AddMinutes(-6)).Protect("me@example.com", Password);

        Assert.Null(At(DateTimeOffset.UtcNow).Unprotect(challenge));
    }

    [Fact]
    public void AForgedOrDamagedChallengeIsRefused()
    {
        var challenges = At(DateTimeOffset.UtcNow);
        var challenge = challenges.Protect("me@example.com", Password);

        Assert.Null(challenges.Unprotect(challenge[..^4] + "AAAA"));
        Assert.Null(challenges.Unprotect("not a challenge"));
        Assert.Null(new TwoFactorChallenge(new EphemeralDataProtectionProvider(), TimeProvider.System).Unprotect(challenge));
    }

    [Theory]
    [InlineData("abcde-fghij", "ABCDE-FGHIJ")]
    [InlineData(" ABCDEFGHIJ ", "ABCDE-FGHIJ")]
    [InlineData("abcde fghij", "ABCDE-FGHIJ")]
    public void RecoveryCodesAreAcceptedHoweverTheyAreTyped(string typed, string sent) =>
        Assert.Equal(sent, TwoFactorModel.NormalizeRecoveryCode(typed));

    [Theory]
    [InlineData("123 456", "123456")]
    [InlineData("123-456", "123456")]
    public void AuthenticatorCodesLoseTheirSpaces(string typed, string sent) =>
        Assert.Equal(sent, TwoFactorModel.NormalizeCode(typed));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
