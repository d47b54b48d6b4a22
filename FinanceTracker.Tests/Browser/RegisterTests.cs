using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// A person opens an account's register from the Accounts page, reads the balance after each row, reconciles the account
/// to a bank statement, and filters the register; a reload keeps the filters. Desktop and phone, light and dark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RegisterTests(BrowserStack stack) : BrowserTest(stack)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task TheRegisterShowsRunningBalancesAndReconcilesToAStatement(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        var page = me.Page;
        await me.SignUpAsync();
        await page.GotoAsync("/accounts");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AddAccountAsync(me, "Everyday", "1000");

        await page.GetByRole(AriaRole.Link, new() { Name = "Everyday", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Everyday", Level = 1 })).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/accounts/\\d+$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AddTransactionAsync(me, Today.AddDays(-20), "2500", "Salary", "Acme Corp");
        await AddTransactionAsync(me, Today.AddDays(-15), "1200", "Housing", "Landlord");
        await AddTransactionAsync(me, Today.AddDays(-10), "86.40", "Groceries", "Corner grocer");
        await AddTransactionAsync(me, Today.AddDays(-5), "34.90", "Dining", "Trattoria Roma");

        // Newest first; the balance after each row starts from the opening balance of 1,000.
        var register = page.GetByRole(AriaRole.Grid, new() { Name = "Register" });
        await Expect(register.GetByRole(AriaRole.Columnheader, new() { Name = "Balance" })).ToBeVisibleAsync();
        await ExpectBalancesAsync(register, "€2,178.70", "€2,213.60", "€2,300.00", "€3,500.00");
        await Expect(page.GetByText("Current balance")).ToBeVisibleAsync();
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"The register scrolls sideways ({variant}).");
        await me.ScreenshotAsync($"80-register-{variant}");

        // The statement ends after the groceries: 1,000 + 2,500 − 1,200 − 86.40.
        await page.GetByRole(AriaRole.Button, new() { Name = "Reconcile" }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Dialog, new() { Name = "Reconcile Everyday" });
        await Expect(panel).ToBeVisibleAsync();
        await panel.GetByLabel("Statement date").FillAsync(Iso(Today.AddDays(-8)));
        await Expect(panel.GetByRole(AriaRole.Heading, new() { Name = $"Transactions up to {Long(Today.AddDays(-8))}" })).ToBeVisibleAsync();
        await panel.GetByLabel("Closing balance").FillAsync("2213.60");
        var difference = panel.Locator(".difference");
        await Expect(difference).ToContainTextAsync("€1,213.60");
        var finish = panel.GetByRole(AriaRole.Button, new() { Name = "Finish" });
        await Expect(finish).ToHaveAttributeAsync("aria-disabled", "true");
        await Expect(panel.GetByLabel($"Cleared: Trattoria Roma {Long(Today.AddDays(-5))}")).ToHaveCountAsync(0);
        await panel.GetByLabel($"Cleared: Acme Corp {Long(Today.AddDays(-20))}").CheckAsync();
        await Expect(difference).ToContainTextAsync("€1,286.40");
        await panel.GetByLabel($"Cleared: Landlord {Long(Today.AddDays(-15))}").CheckAsync();
        await Expect(difference).ToContainTextAsync("€86.40");
        await panel.GetByLabel($"Cleared: Corner grocer {Long(Today.AddDays(-10))}").CheckAsync();
        await Expect(difference).ToContainTextAsync("€0.00");
        await Expect(finish).Not.ToHaveAttributeAsync("aria-disabled", "true");
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"The reconcile panel scrolls sideways ({variant}).");
        await me.ScreenshotAsync($"81-reconcile-{variant}");
        await finish.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Reconciled 3 transactions" })).ToBeVisibleAsync();
        await Expect(panel).ToHaveCountAsync(0);
        var landlord = register.GetByRole(AriaRole.Row).Filter(new() { HasText = "Landlord" });
        await Expect(landlord.GetByRole(AriaRole.Img, new() { Name = "Reconciled" })).ToBeVisibleAsync();
        await Expect(landlord.GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Expect(register.GetByRole(AriaRole.Row).Filter(new() { HasText = "Trattoria Roma" }).GetByRole(AriaRole.Checkbox)).Not.ToBeCheckedAsync();
        await me.ScreenshotAsync($"82-register-reconciled-{variant}");

        // A filter hides rows but never restarts the balance; a reload keeps it.
        await page.GetByLabel("From").FillAsync(Iso(Today.AddDays(-12)));
        await Expect(page).ToHaveURLAsync(new Regex($"from={Iso(Today.AddDays(-12))}"));
        await ExpectBalancesAsync(register, "€2,178.70", "€2,213.60");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Everyday", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("From")).ToHaveValueAsync(Iso(Today.AddDays(-12)));
        await ExpectBalancesAsync(register, "€2,178.70", "€2,213.60");
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"The filtered register scrolls sideways ({variant}).");
        await me.ScreenshotAsync($"83-register-filtered-{variant}");
    }

    private static async Task ExpectBalancesAsync(ILocator register, params string[] balances)
    {
        await Expect(register.GetByRole(AriaRole.Columnheader, new() { Name = "Balance" })).ToBeVisibleAsync();
        // Counted among all the header cells, also those a phone hides.
        var column = (await register.Locator("thead th").AllTextContentsAsync()).Select(h => h.Trim()).ToList().IndexOf("Balance");
        var cells = register.Locator($"tbody tr td:nth-child({column + 1})");
        await Expect(cells).ToHaveTextAsync(balances);
    }

    private static async Task AddAccountAsync(Person me, string name, string openingBalance)
    {
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await me.Page.GetByLabel("Name").FillAsync(name);
        await me.Page.GetByLabel("Type").SelectOptionAsync("checking");
        await me.Page.GetByLabel("Currency").FillAsync("EUR");
        await me.Page.GetByLabel("Opening balance").FillAsync(openingBalance);
        await me.SaveAsync();
        await Expect(me.Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>From the register's own Add transaction, which starts in this account.</summary>
    private static async Task AddTransactionAsync(Person me, DateOnly date, string amount, string category, string payee)
    {
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).ClickAsync();
        await me.Page.GetByLabel("Date").FillAsync(Iso(date));
        await me.Page.GetByLabel("Amount").FillAsync(amount);
        await me.Page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = category });
        await me.Page.GetByLabel("Payee").FillAsync(payee);
        await me.SaveAsync();
        await Expect(me.Page.GetByRole(AriaRole.Grid, new() { Name = "Register" }).GetByRole(AriaRole.Button, new() { Name = payee })).ToBeVisibleAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
