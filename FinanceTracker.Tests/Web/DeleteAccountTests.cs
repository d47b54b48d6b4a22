using System.Net;
using Bunit;
using FinanceTracker.Web.Components.Pages.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class DeleteAccountTests : WebTestContext
{
    private (IRenderedComponent<FluentDialogProvider> Dialogs, IRenderedComponent<DeleteAccountSection> Section) Open(bool twoFactor)
    {
        var dialogs = Render<FluentDialogProvider>();
        var cut = Render<DeleteAccountSection>(p => p.Add(s => s.TwoFactorEnabled, twoFactor));
        cut.Button("Delete my account…").Click();
        return (dialogs, cut);
    }

    [Fact]
    public void AsksOnceMoreSayingExactlyWhatGoesAndThatItCannotBeUndone()
    {
        var (dialogs, cut) = Open(twoFactor: false);
        cut.Field("Your password").Change("Sup3r-$ecret!");

        cut.Button("Delete account").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("Delete your account for good?", dialogs.Markup));
        Assert.Contains("every transaction, account, category and receipt", dialogs.Markup);
        Assert.Contains("This cannot be undone.", dialogs.Markup);
        dialogs.Button("Cancel").Click();
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void WithTwoFactorOnTheCodeIsAskedForToo()
    {
        var (_, cut) = Open(twoFactor: true);
        cut.Field("Your password").Change("Sup3r-$ecret!");

        cut.Button("Delete account").Click();

        Assert.Contains("Enter the current code from your authenticator app.", cut.MessagesOf("Code from your authenticator app"));
        Assert.Empty(Api.Requests);
    }

    [Fact]
    public void AWrongPasswordIsShownBesideIt()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/delete-account", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["password"] = ["The password is not correct."] }));
        var (dialogs, cut) = Open(twoFactor: false);
        cut.Field("Your password").Change("wrong");
        cut.Button("Delete account").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Delete everything")));

        dialogs.Button("Delete everything").Click();

        cut.WaitForAssertion(() => Assert.Contains("The password is not correct.", cut.MessagesOf("Your password")));
    }

    [Fact]
    public void OnceDeletedThePersonLandsOnTheSignInPageWithAMessage()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/delete-account", HttpStatusCode.NoContent);
        var (dialogs, cut) = Open(twoFactor: true);
        cut.Field("Your password").Change("Sup3r-$ecret!");
        cut.Field("Code from your authenticator app").Change("123 456");
        cut.Button("Delete account").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Delete everything")));

        dialogs.Button("Delete everything").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/account/login?notice=account-deleted", navigation.Uri));
        Assert.Contains("\"twoFactorCode\":\"123456\"", Assert.Single(Api.Requests).Body);
    }
}
