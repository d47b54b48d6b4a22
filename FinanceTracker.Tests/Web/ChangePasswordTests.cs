using System.Net;
using Bunit;
using FinanceTracker.Web.Components.Pages.Settings;

namespace FinanceTracker.Tests.Web;

public sealed class ChangePasswordTests : WebTestContext
{
    private const string Current = "Sup3r-$ecret!";
    private const string New = "correct horse battery staple";

    private IRenderedComponent<ChangePasswordSection> Fill(string current, string @new, string confirm)
    {
        var cut = Render<ChangePasswordSection>();
        cut.Field("Current password").Change(current);
        cut.Field("New password").Change(@new);
        cut.Field("Confirm new password").Change(confirm);
        cut.Button("Change password").Click();
        return cut;
    }

    [Fact]
    public void SaysWhatANewPasswordNeeds()
    {
        var cut = Render<ChangePasswordSection>();

        Assert.Contains("At least 12 characters and not a common password", cut.FieldBox("New password").TextContent);
    }

    [Fact]
    public void AChangeSendsBothPasswordsAndSaysOtherDevicesWereSignedOut()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/info", HttpStatusCode.OK, new { email = "me@example.com", isEmailConfirmed = false });

        var cut = Fill(Current, New, New);

        cut.WaitForAssertion(() => Assert.Contains("Your other devices were signed out", cut.Markup));
        var sent = Assert.Single(Api.Requests).Body!;
        Assert.Contains($"\"oldPassword\":\"{Current}\"", sent);
        Assert.Contains($"\"newPassword\":\"{New}\"", sent);
        Assert.Equal("", cut.Field("Current password").GetAttribute("value") ?? "");
    }

    [Fact]
    public void AWrongCurrentPasswordIsShownBesideIt()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/info", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["password"] = ["Incorrect password."] }));

        var cut = Fill("not-my-password", New, New);

        cut.WaitForAssertion(() => Assert.Contains("Incorrect password.", cut.MessagesOf("Current password")));
        Assert.Empty(cut.MessagesOf("New password"));
    }

    [Fact]
    public void TheApisPolicyComplaintIsShownBesideTheNewPassword()
    {
        Api.On(HttpMethod.Post, "/api/auth/manage/info", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["password"] = ["This password is too common."] }));

        var cut = Fill(Current, "password1234", "password1234");

        cut.WaitForAssertion(() => Assert.Contains("This password is too common.", cut.MessagesOf("New password")));
    }

    [Fact]
    public void ATooShortOrMismatchedNewPasswordNeverReachesTheApi()
    {
        var cut = Fill(Current, "short", "different");

        Assert.Contains("Use at least 12 characters.", cut.MessagesOf("New password"));
        Assert.Contains("The two passwords don't match.", cut.MessagesOf("Confirm new password"));
        Assert.Empty(Api.Requests);
    }
}
