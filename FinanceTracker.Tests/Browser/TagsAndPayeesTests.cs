using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// A person tags transactions, filters by a tag and keeps that filter through reload, Back and Forward, lets a payee
/// from their history fill in its category, renames and merges payees, and reads the totals per tag; desktop and phone, light and dark.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TagsAndPayeesTests(BrowserStack stack) : BrowserTest(stack)
{
    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task TagsFilterAndTotalAndPayeesRenameAndMerge(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        var page = me.Page;
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");

        await page.GotoAsync("/transactions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AddAsync(me, "120", "Dining", "Beach hut", "holiday");
        await AddAsync(me, "30", "Groceries", "Albert Heijn", "holiday, food");
        await AddAsync(me, "12", "Groceries", "AH 1234", null);

        // A payee from the history brings its category; tags are suggested while typing.
        await OpenFormAsync(page);
        await page.GetByLabel("Amount").FillAsync("5");
        await page.GetByLabel("Payee").FillAsync("Albert Heijn");
        await Expect(page.GetByLabel("Category").Locator("option:checked")).ToHaveTextAsync(new Regex("Groceries"));
        await page.GetByLabel("Tags").FillAsync("ho");
        await Expect(page.Locator("datalist option[value='holiday']")).ToHaveCountAsync(1);
        await me.ScreenshotAsync($"80-tags-suggested-{variant}");
        await page.GetByLabel("Tags").FillAsync("holiday");
        await me.SaveAsync();

        var table = me.TransactionsTable;
        var beach = table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Beach hut" });
        await Expect(beach).ToContainTextAsync("holiday");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(1);

        // Filter by tag: the URL carries it, so reload, Back and Forward keep the place.
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).ClickAsync();
        await page.GetByLabel("Tag", new() { Exact = true }).SelectOptionAsync("holiday");
        await Expect(page).ToHaveURLAsync(new Regex(@"/transactions\?tag=holiday$"));
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(0);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Albert Heijn" })).ToHaveCountAsync(2);

        await page.ReloadAsync();
        // Still chosen once the tag choices (with their counts) have arrived, which may be after the rows.
        await Expect(page.GetByLabel("Tag", new() { Exact = true }).Locator("option", new() { HasText = "holiday (" })).ToBeAttachedAsync();
        await Expect(page.GetByLabel("Tag", new() { Exact = true })).ToHaveValueAsync("holiday");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Beach hut" })).ToHaveCountAsync(1);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(0);
        Assert.True(await me.HasNoHorizontalScrollAsync(), "The filtered Transactions page scrolls sideways.");
        await me.ScreenshotAsync($"81-transactions-tag-filter-{variant}");

        await page.GetByLabel("Tag", new() { Exact = true }).SelectOptionAsync("");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(1);
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"tag=holiday"));
        await Expect(page.GetByLabel("Tag", new() { Exact = true })).ToHaveValueAsync("holiday");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(0);
        await page.GoForwardAsync();
        await Expect(page.GetByLabel("Tag", new() { Exact = true })).ToHaveValueAsync("");
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(1);

        // A From date after the To date is a mistake beside the field, not an empty list.
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2020-01-01");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2020-02-01");
        await Expect(page.GetByText("From is after To (1 Jan 2020).")).ToBeVisibleAsync();
        await Expect(page.GetByText("No transactions match")).ToHaveCountAsync(0);
        await me.ScreenshotAsync($"82-transactions-from-after-to-{variant}");

        // Payees: rename one, merge two spellings.
        await page.GotoAsync("/payees");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Payees", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var payees = page.GetByRole(AriaRole.Table, new() { Name = "Payees" });
        await Expect(payees.GetByRole(AriaRole.Row).Filter(new() { HasText = "Albert Heijn" })).ToContainTextAsync("2");
        await payees.GetByRole(AriaRole.Button, new() { Name = "Rename Beach hut" }).ClickAsync();
        await Expect(page.GetByText("1 transaction paying “Beach hut” will get the new name.")).ToBeVisibleAsync();
        await page.GetByLabel("New name").FillAsync("Beach Hut Co");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Renamed “Beach hut” to “Beach Hut Co”: 1 transaction changed." })).ToBeVisibleAsync();

        await payees.GetByRole(AriaRole.Checkbox, new() { Name = "Select Albert Heijn" }).CheckAsync();
        await payees.GetByRole(AriaRole.Checkbox, new() { Name = "Select AH 1234" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge into…" }).ClickAsync();
        await Expect(page.GetByText("3 transactions paying “Albert Heijn” and “AH 1234” will all get one name.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Merge into")).ToHaveValueAsync("Albert Heijn");
        await me.ScreenshotAsync($"83-payees-merge-{variant}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Merge", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "into “Albert Heijn”: 1 transaction changed." })).ToBeVisibleAsync();
        await Expect(payees.GetByRole(AriaRole.Row).Filter(new() { HasText = "AH 1234" })).ToHaveCountAsync(0);
        await Expect(payees.GetByRole(AriaRole.Row).Filter(new() { HasText = "Albert Heijn" })).ToContainTextAsync("3");
        Assert.True(await me.HasNoHorizontalScrollAsync(), "The Payees page scrolls sideways.");
        await me.ScreenshotAsync($"84-payees-{variant}");

        // Tags: totals per tag and currency; a tag leads to its transactions.
        await page.GotoAsync("/tags");
        var euros = page.GetByRole(AriaRole.Table, new() { Name = "Tags in EUR" });
        var holiday = euros.GetByRole(AriaRole.Row).Filter(new() { HasText = "holiday" });
        await Expect(holiday).ToContainTextAsync("3");
        await Expect(holiday).ToContainTextAsync("\u2212€155.00");
        await Expect(euros.GetByRole(AriaRole.Row).Filter(new() { HasText = "food" })).ToContainTextAsync("\u2212€30.00");
        Assert.True(await me.HasNoHorizontalScrollAsync(), "The Tags page scrolls sideways.");
        await me.ScreenshotAsync($"85-tags-{variant}");
        await euros.GetByRole(AriaRole.Link, new() { Name = "holiday" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/transactions\?tag=holiday&from="));
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Beach Hut Co" })).ToHaveCountAsync(1);
        await Expect(table.GetByRole(AriaRole.Row).Filter(new() { HasText = "Albert Heijn" })).ToHaveCountAsync(2);
    }

    private static async Task AddAsync(Person me, string amount, string category, string payee, string? tags)
    {
        await OpenFormAsync(me.Page);
        await me.Page.GetByLabel("Amount").FillAsync(amount);
        await me.Page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = category });
        await me.Page.GetByLabel("Payee").FillAsync(payee);
        if (tags is not null)
        {
            await me.Page.GetByLabel("Tags").FillAsync(tags);
        }
        await me.SaveAsync();
    }

    /// <summary>A click that lands before the page is interactive is dropped (as it would be for a person, who clicks again).</summary>
    private static async Task OpenFormAsync(IPage page)
    {
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" });
        await add.ClickAsync();
        try
        {
            await page.GetByLabel("Amount").WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            await add.ClickAsync();
        }
    }
}
