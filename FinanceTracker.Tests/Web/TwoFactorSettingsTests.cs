using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Settings;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class TwoFactorSettingsTests : WebTestContext
{
    private const string Key = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static readonly string[] Codes = Enumerable.Range(1, 10).Select(i => $"CODE{i}-ABCDE").ToArray();
    private static readonly TwoFactorStatus Off = new(Key, 0, null, false, false);
    private static readonly TwoFactorStatus On = new(Key, 10, Codes, true, false);

    private TwoFactorStatus? _changed;

    public TwoFactorSettingsTests() => AddAuthorization().SetAuthorized("me@example.com");

    private IRenderedComponent<TwoFactorSection> RenderSection(TwoFactorStatus status) =>
        Render<TwoFactorSection>(p => p.Add(s => s.Status, status).Add(s => s.OnChanged, changed => _changed = changed));

    [Fact]
    public void SettingUpShowsTheQrCodeAndTheKeyInGroups()
    {
        var cut = RenderSection(Off);

        cut.Button("Set up two-factor authentication").Click();

        var qr = cut.Find("img.qr");
        Assert.StartsWith("data:image/png;base64,", qr.GetAttribute("src"));
        Assert.Equal("QR code to add FinanceTracker to your authenticator app", qr.GetAttribute("alt"));
        Assert.Contains("JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP", cut.Find(".key").TextContent);
        Assert.Equal("otpauth://totp/FinanceTracker:me%40example.com?secret=" + Key + "&issuer=FinanceTracker&digits=6",
            TotpQrCode.Uri("me@example.com", Key));
    }

    [Fact]
    public void ARightCodeTurnsItOnAndShowsTheRecoveryCodesOnce()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/2fa", HttpStatusCode.OK, On);
        var cut = RenderSection(Off);
        cut.Button("Set up two-factor authentication").Click();

        cut.Field("Code from the app").Change("123 456");
        cut.Button("Turn on").Click();

        cut.WaitForAssertion(() => Assert.Contains("You won't see them again", cut.Markup));
        Assert.Equal(Codes, cut.FindAll("ol.codes li").Select(li => li.TextContent.Trim()));
        var sent = Assert.Single(Api.Requests).Body!;
        Assert.Contains("\"enable\":true", sent);
        Assert.Contains("\"twoFactorCode\":\"123456\"", sent);
        Assert.Contains("\"resetRecoveryCodes\":true", sent);
        Assert.True(_changed?.IsTwoFactorEnabled);

        cut.Button("I've saved my codes").Click();
        Assert.DoesNotContain(Codes[0], cut.Markup);
    }

    [Fact]
    public void AWrongCodeIsExplainedBesideTheField()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/2fa", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["code"] = ["The 2fa token provided by the request was invalid."] }));
        var cut = RenderSection(Off);
        cut.Button("Set up two-factor authentication").Click();

        cut.Field("Code from the app").Change("000000");
        cut.Button("Turn on").Click();

        cut.WaitForAssertion(() => Assert.Contains(cut.MessagesOf("Code from the app"), m => m.StartsWith("That code didn't match.")));
        Assert.Null(_changed);
    }

    [Fact]
    public void TurningItOffAsksFirstAndResetsTheKey()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/2fa", HttpStatusCode.OK, Off with { SharedKey = "NEWKEY" });
        var dialogs = Render<FluentDialogProvider>();
        var cut = RenderSection(On with { RecoveryCodesLeft = 2, RecoveryCodes = null });
        Assert.Contains("2 recovery codes left", cut.Markup);

        cut.Button("Turn off two-factor authentication").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Turn off two-factor authentication?", dialogs.Markup));
        Assert.Empty(Api.Requests);
        dialogs.Button("Turn off").Click();

        cut.WaitForAssertion(() => Assert.False(_changed?.IsTwoFactorEnabled ?? true));
        Assert.Contains("\"resetSharedKey\":true", Assert.Single(Api.Requests).Body);
    }

    [Fact]
    public void NewRecoveryCodesAreShownAfterAskingFirst()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/2fa", HttpStatusCode.OK, On);
        var dialogs = Render<FluentDialogProvider>();
        var cut = RenderSection(On with { RecoveryCodes = null });

        cut.Button("Generate new recovery codes").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Your current recovery codes stop working", dialogs.Markup));
        dialogs.Button("Generate new codes").Click();

        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("ol.codes li").Count));
        Assert.Contains("\"resetRecoveryCodes\":true", Assert.Single(Api.Requests).Body);
    }
}
