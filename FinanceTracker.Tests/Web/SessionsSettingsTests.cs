using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Settings;
using FinanceTracker.Web.Formatting;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class SessionsSettingsTests : WebTestContext
{
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly Session Here = new("aaa", Now.AddDays(-3), Now, Firefox, "203.0.113.7", true);
    private static readonly Session Phone = new("bbb", Now.AddDays(-10), Now.AddHours(-5), IPhone, "198.51.100.20", false);

    [Fact]
    public void ListsEachDeviceAndMarksThisOne()
    {
        Api.On(HttpMethod.Get, "/api/auth/sessions", HttpStatusCode.OK, new[] { Here, Phone });

        var cut = Render<SessionsSection>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("li.session").Count));
        var rows = cut.FindAll("li.session");
        Assert.Contains("Firefox on Windows", rows[0].TextContent);
        Assert.Contains("This device", rows[0].TextContent);
        Assert.Contains("Safari on iPhone", rows[1].TextContent);
        Assert.Contains("198.51.100.20", rows[1].TextContent);
        Assert.Contains("Active 5 hours ago", rows[1].TextContent);
        Assert.DoesNotContain("This device", rows[1].TextContent);
        // Only another device can be ended from here; this one signs out with the Sign out button.
        Assert.Single(cut.FindAll("fluent-button"), b => b.TextContent.Trim() == "End session");
    }

    [Fact]
    public void EndingAnotherSessionAsksFirstThenEndsThatOne()
    {
        Api.On(HttpMethod.Get, "/api/auth/sessions", HttpStatusCode.OK, new[] { Here, Phone })
           .On(HttpMethod.Delete, "/api/auth/sessions/bbb", HttpStatusCode.NoContent);
        var dialogs = Render<FluentDialogProvider>();
        var cut = Render<SessionsSection>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("End session")));

        cut.Button("End session").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("End the session on Safari on iPhone?", dialogs.Markup));
        Api.On(HttpMethod.Get, "/api/auth/sessions", HttpStatusCode.OK, new[] { Here });
        dialogs.Button("End session").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("li.session")));
        Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/api/auth/sessions/bbb");
    }

    [Fact]
    public void SignOutEverywhereElseKeepsThisDevice()
    {
        Api.On(HttpMethod.Get, "/api/auth/sessions", HttpStatusCode.OK, new[] { Here, Phone })
           .On(HttpMethod.Post, "/api/auth/sessions/end-others", HttpStatusCode.NoContent);
        var dialogs = Render<FluentDialogProvider>();
        var cut = Render<SessionsSection>();
        cut.WaitForAssertion(() => Assert.True(cut.HasButton("Sign out everywhere else")));

        cut.Button("Sign out everywhere else").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("You stay signed in here.", dialogs.Markup));
        Api.On(HttpMethod.Get, "/api/auth/sessions", HttpStatusCode.OK, new[] { Here });
        dialogs.Button("Sign out everywhere else").Click();

        cut.WaitForAssertion(() => Assert.False(cut.HasButton("Sign out everywhere else")));
        Assert.Contains(Api.Requests, r => r.PathAndQuery == "/api/auth/sessions/end-others");
    }

    [Theory]
    [InlineData(Firefox, "Firefox on Windows")]
    [InlineData(IPhone, "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36", "Chrome on macOS")]
    [InlineData("Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome on Android")]
    [InlineData("curl/8.5.0", "Unknown browser")]
    [InlineData(null, "Unknown device")]
    public void NamesDevicesTheWayTheirOwnersWould(string? userAgent, string name) =>
        Assert.Equal(name, DeviceName.Of(userAgent));
}
