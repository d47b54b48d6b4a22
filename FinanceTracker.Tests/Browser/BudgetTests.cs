using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>A person budgets this month, sees what is spent, left, over and unbudgeted, and carries the budget into next month.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BudgetTests(BrowserStack stack) : BrowserTest(stack)
{
    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task ABudgetShowsSpentRemainingAndOverOnTheBudgetsPageAndTheDashboard(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        var page = me.Page;
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddSubcategoryAsync("Supermarket", "Groceries");
        await page.GotoAsync("/");
        // Spending in a subcategory counts against its parent's budget.
        await me.AddTransactionAsync("42.10", "Groceries › Supermarket", "Corner grocer");
        await me.AddTransactionAsync("80", "Dining", "Bistro");
        await me.AddTransactionAsync("19.99", "Shopping", "Bookshop");
        var thisMonth = DateTime.Now;
        var card = page.GetByRole(AriaRole.Region, new() { Name = "Budget", Exact = true });
        await Expect(card).ToContainTextAsync($"No budget for {thisMonth.ToString("MMMM", CultureInfo.InvariantCulture)} yet.");

        await card.GetByRole(AriaRole.Link, new() { Name = "Set a budget" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budgets", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = thisMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture) })).ToBeVisibleAsync();
        await page.GetByLabel("Budget for Groceries").FillAsync("100");
        await page.GetByLabel("Budget for Dining").FillAsync("50");
        await page.GetByLabel("Budget for Dining").PressAsync("Enter");

        var budget = page.GetByRole(AriaRole.Table, new() { Name = "Budget" });
        var groceries = budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "Groceries" });
        var dining = budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "Dining" });
        await Expect(budget.GetByRole(AriaRole.Row).Filter(new() { HasText = "Supermarket" })).ToContainTextAsync("↳");
        await Expect(groceries.GetByRole(AriaRole.Progressbar, new() { Name = "Groceries budget used" }))
            .ToHaveAttributeAsync("aria-valuetext", "€42.10 of €100.00 spent (42.1%)");
        await Expect(groceries).ToContainTextAsync(device == "desktop" ? "€57.90" : "€42.10 of €100.00 · €57.90 left");
        var diningBar = dining.GetByRole(AriaRole.Progressbar, new() { Name = "Dining budget used" });
        await Expect(diningBar).ToHaveAttributeAsync("aria-valuetext", "€80.00 of €50.00 spent, €30.00 over");
        await Expect(diningBar).ToHaveClassAsync(new Regex("\\bover\\b"));
        await Expect(dining).ToContainTextAsync(device == "desktop" ? "\u2212€30.00" : "€30.00 over");
        await Expect(budget.GetByRole(AriaRole.Progressbar, new() { Name = "Total budget used" }))
            .ToHaveAttributeAsync("aria-valuetext", "€122.10 of €150.00 spent (81.4%)");
        Assert.True(await me.HasNoHorizontalScrollAsync(), "The Budgets page scrolls sideways.");
        // The pictures are of the page: the stack of "Added"/"Saved" toasts would cover the table's right side.
        await page.AddStyleTagAsync(new() { Content = "fluent-toast-b { display: none !important; }" });
        await me.ScreenshotAsync($"80-budgets-{variant}");
        var unbudgeted = page.GetByRole(AriaRole.List, new() { Name = "Spent without a budget" });
        await unbudgeted.ScrollIntoViewIfNeededAsync();
        await Expect(unbudgeted).ToContainTextAsync(new Regex("Shopping\\s*€19\\.99"));
        await me.ScreenshotAsync($"82-budgets-bottom-{variant}");

        // Next month starts empty; copying last month brings the amounts, and the address keeps the month on reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Next month" }).ClickAsync();
        var nextMonth = thisMonth.AddMonths(1);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = nextMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture) })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Budget for Groceries")).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy last month" }).ClickAsync();
        await Expect(page.GetByLabel("Budget for Groceries")).ToHaveValueAsync("100.00");
        await page.ReloadAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"month={nextMonth:yyyy-MM}"));
        await Expect(page.GetByLabel("Budget for Dining")).ToHaveValueAsync("50.00");

        // Another month with unsaved amounts asks first; staying keeps what was typed.
        await page.GetByLabel("Budget for Groceries").FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous month" }).ClickAsync();
        await Expect(page.GetByText("Leave without saving?")).ToBeVisibleAsync();
        await Expect(page.GetByText("Your changes to the budget for " + nextMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture))).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = nextMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture) })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Budget for Groceries")).ToHaveValueAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous month" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Discard changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = thisMonth.ToString("MMMM yyyy", CultureInfo.InvariantCulture) })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Budget for Groceries")).ToHaveValueAsync("100.00");

        await page.GotoAsync("/");
        await Expect(card).ToContainTextAsync("of €150.00 used · 81.4%");
        await Expect(card.GetByRole(AriaRole.List, new() { Name = "Over budget" })).ToContainTextAsync(new Regex("Dining\\s+€30\\.00 over"));
        await me.ScreenshotAsync($"81-dashboard-budget-{variant}");
    }
}
