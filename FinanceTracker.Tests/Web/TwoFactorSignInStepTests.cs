using Bunit;
using FinanceTracker.Web.Components.Pages.Identity;

namespace FinanceTracker.Tests.Web;

/// <summary>The code step of sign-in: a static form, so everything it needs must be in what it posts.</summary>
public sealed class TwoFactorSignInStepTests : WebTestContext
{
    private IRenderedComponent<TwoFactorStep> RenderStep(TwoFactorModel input, string? problem = null) =>
        Render<TwoFactorStep>(p => p.Add(s => s.Input, input).Add(s => s.Email, "me@example.com").Add(s => s.Problem, problem));

    [Fact]
    public void AsksForTheAuthenticatorCodeAndCarriesTheChallenge()
    {
        var cut = RenderStep(new() { Challenge = "protected-blob" });

        var code = cut.Field("Authentication code");
        Assert.Equal("one-time-code", code.GetAttribute("autocomplete"));
        Assert.Equal("numeric", code.GetAttribute("inputmode"));
        Assert.Equal("Input.Code", code.GetAttribute("name"));
        Assert.Equal("protected-blob", cut.Find("input[name='Input.Challenge']").GetAttribute("value"));
        Assert.Contains("Signing in as", cut.Markup);
        Assert.Contains("me@example.com", cut.Markup);
        var verifyFirst = cut.FindAll("form button[type=submit]").Select(b => b.TextContent.Trim()).ToList();
        Assert.Equal(["Verify", "Use a recovery code instead"], verifyFirst);
        Assert.Equal("recovery", cut.Button("Use a recovery code instead").GetAttribute("value"));
    }

    [Fact]
    public void InRecoveryModeAsksForARecoveryCodeInstead()
    {
        var cut = RenderStep(new() { Challenge = "protected-blob", UseRecoveryCode = true });

        Assert.Equal("Input.RecoveryCode", cut.Field("Recovery code").GetAttribute("name"));
        Assert.Equal("true", cut.Find("input[name='Input.UseRecoveryCode']").GetAttribute("value"));
        Assert.True(cut.HasButton("Use the code from my authenticator app"));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == "Authentication code");
    }

    [Fact]
    public void AWrongCodeIsSaidPlainly()
    {
        var cut = RenderStep(new() { Challenge = "protected-blob" }, "That code didn't work. Enter the code your authenticator app shows now.");

        Assert.Contains("That code didn't work.", cut.Markup);
    }

    [Fact]
    public void ACodeMustBeSixDigits()
    {
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var model = new TwoFactorModel { Challenge = "x", Code = "12345" };

        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new(model), results, true));
        Assert.Equal("Enter the 6-digit code from your authenticator app.", Assert.Single(results).ErrorMessage);
        model.Code = "123 456";
        Assert.True(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(model, new(model), [], true));
    }
}
