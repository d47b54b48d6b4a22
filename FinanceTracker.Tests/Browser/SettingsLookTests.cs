using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>The account pages on a desktop and a phone, light and dark: they fit, and screenshots for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsLookTests(BrowserStack stack) : BrowserTest(stack)
{
    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task TheAccountPagesFitAndShowTheirHeadings(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);

        await ShootAsync(me, "/account/forgot-password", "Forgot your password?", $"60-forgot-password-{variant}");
        await ShootAsync(me, "/account/reset-password?email=someone%40example.com&code=abc", "Choose a new password", $"61-reset-password-{variant}");
        await me.SignUpAsync();
        await ShootAsync(me, "/settings", "Settings", $"62-settings-{variant}", fullPage: true);

        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Img, new() { Name = "QR code to add FinanceTracker to your authenticator app" })).ToBeVisibleAsync();
        await FitsAsync(me, "two-factor set-up");
        await me.Page.GetByRole(AriaRole.Img).First.ScrollIntoViewIfNeededAsync();
        await me.ScreenshotAsync($"63-settings-two-factor-setup-{variant}");
        var key = Base32Encoding.ToBytes(System.Text.RegularExpressions.Regex.Replace(await me.Page.Locator(".key").InnerTextAsync(), "Setup key:|\\s", ""));
        await me.Page.GetByLabel("Code from the app").FillAsync(new Totp(key).ComputeTotp(DateTime.UtcNow));
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Expect(me.Page.GetByText("You won't see them again")).ToBeVisibleAsync();
        await FitsAsync(me, "recovery codes");
        await me.ScreenshotAsync($"64-settings-recovery-codes-{variant}");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "I've saved my codes" }).ClickAsync();
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account…" }).ClickAsync();
        await me.Page.GetByLabel("Your password").FillAsync(Person.Password);
        await me.Page.GetByLabel("Code from your authenticator app").FillAsync("123456");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        await Expect(me.Page.GetByText("This cannot be undone.").Last).ToBeVisibleAsync();
        await me.ScreenshotAsync($"65-settings-delete-confirm-{variant}");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).Last.ClickAsync();
        await WriteAccessibilityTreeAsync(me, $"62-settings-{variant}");

        await me.SignOutAsync();
        await me.SignInAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication", Level = 1 })).ToBeVisibleAsync();
        await FitsAsync(me, "two-factor sign-in");
        await me.ScreenshotAsync($"66-sign-in-code-{variant}");
        await WriteAccessibilityTreeAsync(me, $"66-sign-in-code-{variant}");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await Expect(me.Page.GetByLabel("Recovery code")).ToBeVisibleAsync();
        await me.ScreenshotAsync($"67-sign-in-recovery-code-{variant}");
    }

    private static async Task ShootAsync(Person me, string path, string heading, string shot, bool fullPage = false)
    {
        await me.Page.GotoAsync(path);
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
        await me.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await FitsAsync(me, path);
        await me.Page.WaitForTimeoutAsync(400);
        await me.Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, shot + ".png"), FullPage = fullPage });
        await WriteAccessibilityTreeAsync(me, shot);
    }

    private static async Task FitsAsync(Person me, string what) =>
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"{what} scrolls sideways at {me.Page.ViewportSize?.Width} px.");

    /// <summary>What a screen reader is given: headings, labelled fields, named buttons.</summary>
    private static async Task WriteAccessibilityTreeAsync(Person me, string name) =>
        await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Screenshots, name + ".aria.txt"),
            await me.Page.Locator("body").AriaSnapshotAsync());
}
