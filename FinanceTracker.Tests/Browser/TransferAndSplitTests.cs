using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class TransferAndSplitTests(BrowserStack stack) : BrowserTest(stack)
{
    [Fact]
    public async Task APersonMovesMoneyToTheirSavingsAndBothAccountsShowIt()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        var page = me.Page;
        await me.SignUpAsync();
        await me.GoToAsync("Accounts", "Accounts");
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddAccountAsync("Savings", "savings", "EUR");
        await me.GoToAsync("Transactions", "Transactions");

        await page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Transfer" }).CheckAsync();
        await page.GetByLabel("From account").SelectOptionAsync(new SelectOptionValue { Label = "Everyday" });
        await page.GetByLabel("To account").SelectOptionAsync(new SelectOptionValue { Label = "Savings" });
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("250");
        await page.GetByLabel("Payee").FillAsync("Rainy day fund");
        await Expect(page.GetByText("Will move")).ToContainTextAsync("Savings");
        await me.ScreenshotAsync("ledger-01-transfer-form-desktop");
        await me.SaveAsync();

        var rows = me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Rainy day fund" });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = "→ Savings" })).ToContainTextAsync("\u2212€250.00");
        await Expect(rows.Filter(new() { HasText = "← Everyday" })).ToContainTextAsync("+€250.00");
        await me.ScreenshotAsync("ledger-02-transfer-list-desktop");

        await me.GoToAsync("Dashboard", "Dashboard");
        // Nothing was earned or spent this month: the dashboard has no month figures to show.
        await Expect(page.GetByText("Will move")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "This month in EUR" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task APersonSplitsOneReceiptIntoTwoCategoriesOnAPhone()
    {
        var me = await NewPersonAsync(Viewport.Phone, ColorScheme.Dark);
        var page = me.Page;
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        // The phone layout keeps navigation behind its menu button: go by address.
        await page.GotoAsync("/transactions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).ClickAsync();
        await page.GetByLabel("Amount", new() { Exact = true }).FillAsync("100");
        await page.GetByLabel("Payee").FillAsync("Hypermarket");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Split" }).CheckAsync();
        await page.GetByLabel("Part 1 category").SelectOptionAsync(new SelectOptionValue { Label = "Groceries" });
        await page.GetByLabel("Part 1 amount").FillAsync("70");
        await page.GetByLabel("Part 1 amount").BlurAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("30.00 left to assign");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByText("The parts must add up to the amount exactly.")).ToBeVisibleAsync();
        await page.GetByLabel("Part 2 category").SelectOptionAsync(new SelectOptionValue { Label = "Shopping" });
        await page.GetByLabel("Part 2 amount").FillAsync("30");
        await page.GetByLabel("Part 2 amount").BlurAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Fully assigned");
        await me.ScreenshotAsync("ledger-03-split-form-phone-dark");
        await me.SaveAsync();

        var row = me.TransactionsTable.GetByRole(AriaRole.Row).Filter(new() { HasText = "Hypermarket" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Groceries, Shopping");
        await Expect(row).ToContainTextAsync("\u2212€100.00");
        Assert.True(await me.HasNoHorizontalScrollAsync());
        await me.ScreenshotAsync("ledger-04-split-list-phone-dark");
    }
}
