using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OtpNet;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>Settings as a person uses them: two-factor, password, sessions, deleting the account; and sign-out that sticks.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountSecurityTests(BrowserStack stack) : BrowserTest(stack)
{
    /// <summary>Long, and with the digit, capital and symbol the older policy asked for.</summary>
    private const string NewPassword = "Correct-horse-battery-9";

    [Fact]
    public async Task TwoFactorSetUpInSettingsIsAskedForAtTheNextSignIn()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.GoToSettingsAsync();

        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Set up two-factor authentication" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Img, new() { Name = "QR code to add FinanceTracker to your authenticator app" })).ToBeVisibleAsync();
        var key = Base32Encoding.ToBytes(Regex.Replace(await me.Page.Locator(".key").InnerTextAsync(), "Setup key:|\\s", ""));
        await me.Page.GetByLabel("Code from the app").FillAsync(CodeAt(key, -1));
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();

        await Expect(me.Page.GetByText("You won't see them again")).ToBeVisibleAsync();
        var codes = me.Page.GetByRole(AriaRole.List, new() { Name = "Recovery codes" }).GetByRole(AriaRole.Listitem);
        await Expect(codes).ToHaveCountAsync(10);
        var recoveryCode = await codes.First.InnerTextAsync();
        await me.ScreenshotAsync("50-settings-recovery-codes-desktop");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "I've saved my codes" }).ClickAsync();
        await Expect(me.Page.GetByText("Signing in asks for a code from your authenticator app.")).ToBeVisibleAsync();

        await me.SignOutAsync();
        await me.SignInAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Two-factor authentication" })).ToBeVisibleAsync();
        await me.Page.GetByLabel("Authentication code").FillAsync(WrongCode(key));
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(me.Page.GetByText("That code didn't work.")).ToBeVisibleAsync();
        await me.Page.GetByLabel("Authentication code").FillAsync(CodeAt(key, 0));
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // A lost phone: one of the recovery codes instead.
        await me.SignOutAsync();
        await me.SignInAsync();
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Use a recovery code instead" }).ClickAsync();
        await me.Page.GetByLabel("Recovery code").FillAsync(recoveryCode.ToLowerInvariant());
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AfterAPasswordChangeTheOldPasswordNoLongerSignsIn()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.GoToSettingsAsync();

        await me.Page.GetByLabel("Current password").FillAsync(Person.Password);
        await me.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await me.Page.GetByLabel("Confirm new password").FillAsync(NewPassword);
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
        await Expect(me.Page.GetByText("Your other devices were signed out")).ToBeVisibleAsync();

        await me.SignOutAsync();
        await me.SignInAsync();
        await Expect(me.Page.GetByText("Wrong email or password.")).ToBeVisibleAsync();
        await me.SignInAsync(NewPassword);
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ACopyOfTheCookieStopsWorkingWhenThePersonSignsOut()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        var cookie = (await me.Page.Context.CookiesAsync()).Single(c => c.Name == "ft.auth");

        var thief = await NewPageAsync(Viewport.Desktop);
        await thief.Context.AddCookiesAsync([new() { Name = cookie.Name, Value = cookie.Value, Domain = cookie.Domain, Path = cookie.Path }]);
        await thief.GotoAsync("/settings");
        await Expect(thief.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();

        await me.SignOutAsync();

        await thief.GotoAsync("/settings");
        await Expect(thief).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(thief.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EndingTheOtherSessionSignsThatBrowserOut()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        // The first visit creates the authenticator key, a security change that ends other sessions (the Api's rule).
        await me.GoToSettingsAsync();
        await Expect(me.Page.GetByText("Only your password protects your account.")).ToBeVisibleAsync();
        var laptop = new Person(await NewPageAsync(Viewport.Phone), me.Email);
        await laptop.Page.GotoAsync("/account/login");
        await laptop.SignInAsync();
        await Expect(laptop.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        await me.Page.ReloadAsync();
        var sessions = me.Page.GetByRole(AriaRole.List, new() { Name = "Signed-in devices" }).GetByRole(AriaRole.Listitem);
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(sessions.Filter(new() { HasText = "This device" })).ToHaveCountAsync(1);
        await me.ScreenshotAsync("51-settings-sessions-desktop");

        await sessions.Filter(new() { HasNotText = "This device" }).GetByRole(AriaRole.Button, new() { Name = "End session" }).ClickAsync();
        await Expect(me.Page.GetByText("is signed out at once")).ToBeVisibleAsync();
        // The dialog's button, the last on the page; the row's is named after its device.
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "End session", Exact = true }).Last.ClickAsync();
        await Expect(sessions).ToHaveCountAsync(1);

        await laptop.Page.GotoAsync("/transactions");
        await Expect(laptop.Page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task APersonDeletesTheirAccountFromSettings()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.GoToSettingsAsync();

        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Delete my account…" }).ClickAsync();
        await me.Page.GetByLabel("Your password").FillAsync(Person.Password);
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Delete account" }).ClickAsync();
        await Expect(me.Page.GetByText("Your account and everything in it will be deleted: every transaction, account, category and receipt."))
            .ToBeVisibleAsync();
        await Expect(me.Page.GetByText("This cannot be undone.").Last).ToBeVisibleAsync();
        await me.ScreenshotAsync("52-settings-delete-confirm-desktop");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Delete everything" }).ClickAsync();

        await Expect(me.Page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(me.Page.GetByText("Your account and everything in it were deleted.")).ToBeVisibleAsync();
        await me.SignInAsync();
        await Expect(me.Page.GetByText("Wrong email or password.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AForgottenPasswordIsResetThroughTheEmailedLink()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.SignOutAsync();

        await me.Page.GetByRole(AriaRole.Link, new() { Name = "Forgot password?" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await me.Page.GetByLabel("Email").FillAsync(me.Email);
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(me.Page.GetByText("If an account exists for that email, we sent a link")).ToBeVisibleAsync();

        var link = await ResetLinkAsync(me.Email);
        await me.Page.GotoAsync(link);
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Choose a new password" })).ToBeVisibleAsync();
        await me.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword);
        await me.Page.GetByLabel("Confirm new password").FillAsync(NewPassword);
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(me.Page.GetByText("Your password was changed.")).ToBeVisibleAsync();
        await me.SignInAsync(NewPassword);
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        // The link works once.
        await me.SignOutAsync();
        await me.Page.GotoAsync(link);
        await me.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(NewPassword + " again");
        await me.Page.GetByLabel("Confirm new password").FillAsync(NewPassword + " again");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(me.Page.GetByText("This link no longer works")).ToBeVisibleAsync();
    }

    /// <summary>In Development (and without SMTP) the Api logs each email's link; the email sender writes this line.</summary>
    private async Task<string> ResetLinkAsync(string email)
    {
        var pattern = new Regex($"Password reset link for {Regex.Escape(email)}: (\\S+)");
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (pattern.Match(Stack.App.RecentLog("api")) is { Success: true } match)
            {
                return match.Groups[1].Value;
            }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("No reset link in the Api's log:\n" + Stack.App.RecentLog("api"));
    }

    private static string CodeAt(byte[] key, int steps) => new Totp(key).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * steps));

    /// <summary>A code no nearby time step produces.</summary>
    private static string WrongCode(byte[] key)
    {
        var near = Enumerable.Range(-3, 7).Select(step => CodeAt(key, step)).ToHashSet();
        return Enumerable.Range(0, 10).Select(d => new string((char)('0' + d), 6)).First(code => !near.Contains(code));
    }
}
