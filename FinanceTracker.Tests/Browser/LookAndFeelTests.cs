using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>The phone layout, and screenshots of every page (desktop, phone, dark) for a person to look at.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LookAndFeelTests(BrowserStack stack) : BrowserTest(stack)
{
    private static readonly (string Path, string Heading, string Shot)[] Pages =
    [
        ("/", "Dashboard", "dashboard"),
        ("/transactions", "Transactions", "transactions"),
        ("/accounts", "Accounts", "accounts"),
        ("/categories", "Categories", "categories"),
        ("/budgets", "Budgets", "budgets"),
    ];

    [Fact]
    public async Task OnAPhoneTheTransactionsPageHasNoHorizontalScroll()
    {
        var me = await NewPersonAsync(Viewport.Phone);
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday checking account", "checking", "EUR");
        await me.AddTransactionAsync("1234567.89", "Groceries", "A supermarket with a very long name indeed, Ltd.");
        await me.AddTransactionAsync("+3000", "Salary", "Employer");

        await me.Page.GotoAsync("/transactions");
        await Expect(me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Employer" })).ToBeVisibleAsync();

        Assert.True(await me.HasNoHorizontalScrollAsync(), "The transactions page scrolls sideways on a 375 px phone.");
        await me.ScreenshotAsync("10-transactions-phone");
    }

    [Fact]
    public async Task ScreenshotsOfEveryPage()
    {
        var desktop = await NewPersonAsync(Viewport.Desktop);
        await desktop.Page.GotoAsync("/account/login");
        await desktop.ScreenshotAsync("20-sign-in-desktop");
        await desktop.Page.GotoAsync("/account/register");
        await desktop.ScreenshotAsync("21-sign-up-desktop");
        await desktop.SignUpAsync();
        await SeedAsync(desktop);

        await ShootAllAsync(desktop, "desktop");
        await ShootAllAsync(await SignedInAsync(desktop, Viewport.Desktop, ColorScheme.Dark), "desktop-dark");
        var phone = await SignedInAsync(desktop, Viewport.Phone, ColorScheme.Light);
        await ShootAllAsync(phone, "phone");
        await ShootAllAsync(await SignedInAsync(desktop, Viewport.Phone, ColorScheme.Dark), "phone-dark");

        // The phone's navigation folds into the hamburger panel.
        await phone.Page.GotoAsync("/");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        await phone.Page.GetByLabel("Menu", new() { Exact = true }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = "Transactions", Exact = true })).ToBeVisibleAsync();
        await phone.Page.WaitForTimeoutAsync(800);
        await phone.ScreenshotAsync("39-navigation-phone");
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "Transactions", Exact = true }).ClickAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 })).ToBeVisibleAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Link, new() { Name = "Transactions", Exact = true })).ToBeHiddenAsync();
    }

    private static async Task SeedAsync(Person me)
    {
        await me.GoToAsync("Accounts", "Accounts");
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddAccountAsync("Rainy day", "savings", "EUR");
        await me.AddAccountAsync("Tokyo trip", "cash", "JPY");
        await me.GoToAsync("Transactions", "Transactions");
        await me.AddTransactionAsync("4800", "Dining", "Ramen stand", account: "Tokyo trip");
        await me.AddTransactionAsync("2500", "Salary", "Acme Corp", "November salary");
        await me.AddTransactionAsync("1200", "Housing", "Landlord");
        await me.AddTransactionAsync("86.40", "Groceries", "Corner grocer");
        await me.AddTransactionAsync("34.90", "Dining", "Trattoria Roma");
        await me.AddTransactionAsync("49.00", "Transport", "City transit pass");
        await me.AddTransactionAsync("12.99", "Entertainment", "Streaming service");
    }

    private async Task<Person> SignedInAsync(Person existing, Viewport viewport, ColorScheme scheme)
    {
        var me = new Person(await NewPageAsync(viewport, scheme), existing.Email);
        await me.Page.GotoAsync("/account/login");
        await me.SignInAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return me;
    }

    private static async Task ShootAllAsync(Person me, string variant)
    {
        var number = 0;
        foreach (var (path, heading, shot) in Pages)
        {
            await me.Page.GotoAsync(path);
            await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
            await me.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.True(await me.HasNoHorizontalScrollAsync(), $"{path} scrolls sideways ({variant}).");
            await me.ScreenshotAsync($"3{number++}-{shot}-{variant}");
        }
        await me.Page.GotoAsync("/transactions");
        await me.TransactionsTable.GetByRole(AriaRole.Button, new() { Name = "Corner grocer" }).ClickAsync();
        await Expect(me.Page.GetByLabel("Amount")).ToHaveValueAsync("86.40");
        await me.ScreenshotAsync($"38-transaction-form-{variant}");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
    }
}
