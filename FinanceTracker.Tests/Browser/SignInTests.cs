using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserStack stack) : BrowserTest(stack)
{
    [Fact]
    public async Task SignInSendsThePersonBackToThePageTheyAskedFor()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await me.Page.GotoAsync("/categories");
        await Expect(me.Page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fcategories"));
        await me.SignInAsync();

        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Categories", Level = 1 })).ToBeVisibleAsync();
        await Expect(me.Page).ToHaveURLAsync(new Regex("/categories$"));
    }

    [Fact]
    public async Task AWrongPasswordGetsAClearMessage()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await me.SignInAsync("Not-the-password-1");

        await Expect(me.Page.GetByText("Wrong email or password.")).ToBeVisibleAsync();
        await Expect(me.Page.GetByLabel("Email")).ToHaveValueAsync(me.Email);
        await me.ScreenshotAsync("07-sign-in-wrong-password-desktop");
    }

    [Fact]
    public async Task SignUpExplainsAWeakPasswordBesideTheField()
    {
        var page = await NewPageAsync(Viewport.Desktop);
        await page.GotoAsync("/account/register");

        await page.GetByLabel("Email").FillAsync($"weak-{Guid.NewGuid():N}@example.com");
        await page.GetByLabel("Password").FillAsync("password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await Expect(page.GetByText("Use at least 12 characters", new() { Exact = false })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignInSaysSoWhenTheServiceIsDown()
    {
        // A Web whose Api address answers nothing: the page must explain, not crash.
        await using var lonelyWeb = await BrowserStack.StartWebAsync(new Uri("http://127.0.0.1:9"));
        var page = await NewPageAsync(Viewport.Desktop);
        await page.GotoAsync(new Uri(lonelyWeb.Address, "/account/login").ToString());

        await page.GetByLabel("Email").FillAsync("someone@example.com");
        await page.GetByLabel("Password").FillAsync(Person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByText("can't reach the FinanceTracker service", new() { Exact = false })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, "08-sign-in-service-down-desktop.png") });
    }
}
