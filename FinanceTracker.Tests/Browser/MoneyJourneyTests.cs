using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class MoneyJourneyTests(BrowserStack stack) : BrowserTest(stack)
{
    private static readonly string[] GridColumns = ["Date", "Payee", "Category", "Account", "Amount"];

    [Fact]
    public async Task ANewPersonTracksTheirMoneyFromSignUpToSignOut()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        var page = me.Page;

        await me.SignUpAsync();
        await Expect(page.GetByText("Welcome to FinanceTracker")).ToBeVisibleAsync();
        await me.ScreenshotAsync("01-dashboard-first-run-desktop");

        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddTransactionAsync("42.10", "Groceries", "Corner grocer", "Weekly shop");
        var thisMonth = page.GetByRole(AriaRole.Group, new() { Name = "This month in EUR" });
        await Expect(thisMonth).ToContainTextAsync(new Regex("Spending · EUR\\s*\u2212€42\\.10"));
        await Expect(thisMonth).ToContainTextAsync(new Regex("Income · EUR\\s*€0\\.00"));

        await me.AddTransactionAsync("2500", "Salary", "Acme Corp");
        await Expect(thisMonth).ToContainTextAsync(new Regex("Income · EUR\\s*\\+€2,500\\.00"));
        await Expect(thisMonth).ToContainTextAsync(new Regex("Net · EUR\\s*\\+€2,457\\.90"));
        await me.ScreenshotAsync("02-dashboard-desktop");

        await me.GoToAsync("Transactions", "Transactions");
        var table = me.TransactionsTable;
        foreach (var column in GridColumns)
        {
            await Expect(table.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true })).ToBeVisibleAsync();
        }
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Corner grocer" })).ToContainTextAsync("\u2212€42.10");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acme Corp" })).ToContainTextAsync("+€2,500.00");
        await me.ScreenshotAsync("03-transactions-desktop");

        // Edit: the form opens pre-filled; the new amount shows in the grid.
        await table.GetByRole(AriaRole.Button, new() { Name = "Corner grocer" }).ClickAsync();
        await Expect(page.GetByLabel("Amount")).ToHaveValueAsync("42.10");
        await Expect(page.GetByLabel("Payee")).ToHaveValueAsync("Corner grocer");
        await page.GetByLabel("Amount").FillAsync("45.00");
        await me.ScreenshotAsync("04-transaction-edit-desktop");
        await me.SaveAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Corner grocer" })).ToContainTextAsync("\u2212€45.00");

        // Delete asks first; only after confirming is the row gone.
        await table.GetByRole(AriaRole.Button, new() { Name = "Acme Corp" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText("Delete this transaction?")).ToBeVisibleAsync();
        await me.ScreenshotAsync("05-transaction-delete-confirm-desktop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Acme Corp" })).ToHaveCountAsync(0);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Corner grocer" })).ToHaveCountAsync(1);

        await me.GoToAsync("Dashboard", "Dashboard");
        await Expect(thisMonth).ToContainTextAsync(new Regex("Income · EUR\\s*€0\\.00"));
        await Expect(thisMonth).ToContainTextAsync(new Regex("Spending · EUR\\s*\u2212€45\\.00"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task OnePersonsDataIsInvisibleToAnother()
    {
        var first = await NewPersonAsync(Viewport.Desktop);
        await first.SignUpAsync();
        await first.AddAccountAsync("Private savings", "savings", "EUR");
        await first.AddTransactionAsync("99.99", "Health", "Secret clinic");

        var second = await NewPersonAsync(Viewport.Desktop);
        await second.SignUpAsync();
        await Expect(second.Page.GetByText("Welcome to FinanceTracker")).ToBeVisibleAsync();

        await second.GoToAsync("Transactions", "Transactions");
        await Expect(second.Page.GetByText("Add an account first")).ToBeVisibleAsync();
        await Expect(second.Page.GetByText("Secret clinic")).ToHaveCountAsync(0);

        await second.GoToAsync("Accounts", "Accounts");
        await Expect(second.Page.GetByText("No accounts yet")).ToBeVisibleAsync();
        await Expect(second.Page.GetByText("Private savings")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ATransactionFormShowsWhatIsWrongBesideTheField()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await me.AddAccountAsync("Yen wallet", "cash", "JPY");

        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).ClickAsync();
        await me.Page.GetByLabel("Amount").FillAsync("12.5");
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(me.Page.GetByText("JPY amounts have no decimals.")).ToBeVisibleAsync();
        await me.ScreenshotAsync("06-transaction-validation-desktop");
        // What was typed is not thrown away without asking.
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await me.Page.GetByRole(AriaRole.Button, new() { Name = "Discard" }).ClickAsync();
        await Expect(me.Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }
}
