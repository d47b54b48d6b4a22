using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>A person sets up a monthly bill and sees when it comes next, on a desktop and a phone, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RecurringTests(BrowserStack stack) : BrowserTest(stack)
{
    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task ARuleCreatedOnTheRecurringPageShowsItsUpcomingOccurrence(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        var page = me.Page;
        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");

        await page.GotoAsync("/recurring");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Recurring", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await OpenNewRuleFormAsync(page);
        // Five days ahead (UTC, as the Api counts days): inside the next 30 days whatever the time zone.
        var first = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5);
        await page.GetByLabel("Payee").FillAsync("Landlord");
        await page.GetByLabel("Amount").FillAsync("950");
        await page.GetByLabel("Repeats").SelectOptionAsync(new SelectOptionValue { Label = "Monthly" });
        await page.GetByLabel("First date").FillAsync(first.ToString("yyyy-MM-dd"));
        await me.ScreenshotAsync($"70-recurring-new-rule-{variant}");
        await me.SaveAsync();

        var rules = page.GetByRole(AriaRole.Table, new() { Name = "Recurring rules" });
        await Expect(rules.GetByRole(AriaRole.Row).Filter(new() { HasText = "Landlord" })).ToContainTextAsync(first.ToString("d MMM yyyy"));
        await Expect(rules.GetByRole(AriaRole.Columnheader, new() { Name = "Next date" })).ToBeVisibleAsync();
        var upcoming = page.GetByRole(AriaRole.Table, new() { Name = "Upcoming in the next 30 days" });
        var row = upcoming.GetByRole(AriaRole.Row).Filter(new() { HasText = "Landlord" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync(first.ToString("ddd d MMM"));
        await Expect(row).ToContainTextAsync("\u2212€950.00");
        Assert.True(await me.HasNoHorizontalScrollAsync(), "The Recurring page scrolls sideways.");
        await me.ScreenshotAsync($"71-recurring-{variant}");

        // Editing opens the rule filled in; deleting asks first.
        await rules.GetByRole(AriaRole.Button, new() { Name = "Landlord" }).ClickAsync();
        await Expect(page.GetByLabel("Amount")).ToHaveValueAsync("950.00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText("Delete the rule for \"Landlord\"?")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();
        await Expect(page.GetByText("No rules yet.")).ToBeVisibleAsync();
    }

    /// <summary>A click that lands before the page is interactive is dropped (as it would be for a person, who clicks again).</summary>
    private static async Task OpenNewRuleFormAsync(IPage page)
    {
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add rule" });
        await add.ClickAsync();
        try
        {
            await page.GetByLabel("Payee").WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            await add.ClickAsync();
        }
    }
}
