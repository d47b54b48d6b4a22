using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>The dashboard's insights: the charts draw for a person with data, on a desktop and on a phone, light and dark.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InsightsTests(BrowserStack stack)
{
    [Fact]
    public async Task APersonWithSpendingSeesTheDashboardChartsOnDesktopAndPhone()
    {
        var me = Person.New(await stack.NewPageAsync(Viewport.Desktop));
        await me.SignUpAsync();
        await me.GoToAsync("Accounts", "Accounts");
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddAccountAsync("Tokyo trip", "cash", "JPY");
        await me.GoToAsync("Transactions", "Transactions");
        await me.AddTransactionAsync("86.40", "Groceries", "Corner grocer", account: "Everyday");
        await me.AddTransactionAsync("23.10", "Groceries", "Farmers market", account: "Everyday");
        await me.AddTransactionAsync("34.90", "Dining", "Trattoria Roma", account: "Everyday");
        await me.AddTransactionAsync("2500", "Salary", "Acme Corp", account: "Everyday");
        await me.AddTransactionAsync("4800", "Dining", "Ramen stand", account: "Tokyo trip");

        await ExpectChartsAsync(me, "desktop");
        await ExpectChartsAsync(await SignedInAsync(me, Viewport.Desktop, ColorScheme.Dark), "desktop-dark");
        await ExpectChartsAsync(await SignedInAsync(me, Viewport.Phone, ColorScheme.Light), "phone");
        var phoneDark = await SignedInAsync(me, Viewport.Phone, ColorScheme.Dark);
        await ExpectChartsAsync(phoneDark, "phone-dark");

        // Another currency is another set of charts, never a sum with the first.
        await phoneDark.Page.GetByRole(AriaRole.Button, new() { Name = "JPY", Exact = true }).ClickAsync();
        await Expect(Insights(phoneDark).Locator(".legend")).ToContainTextAsync("¥4,800");
        await Expect(Insights(phoneDark).Locator(".legend")).Not.ToContainTextAsync("Groceries");
    }

    private static ILocator Insights(Person me) => me.Page.GetByRole(AriaRole.Region, new() { Name = "Insights", Exact = true });

    private static async Task ExpectChartsAsync(Person me, string variant)
    {
        var page = me.Page;
        await page.GotoAsync("/");
        var insights = Insights(me);
        await Expect(insights.GetByRole(AriaRole.Heading, new() { Name = "Insights" })).ToBeVisibleAsync();

        // The donut and the monthly columns are SVG drawn by the chart library; the calendar is a grid of days.
        // The chart library draws once it has measured its box in the browser.
        await Expect(insights.Locator(".rz-donut-series path").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(insights.Locator(".legend")).ToContainTextAsync("Groceries");
        await Expect(insights.Locator(".legend")).ToContainTextAsync("€109.50");
        await Expect(insights.Locator(".rz-column-series path").Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await Expect(insights.Locator(".rz-line-series path").First).ToBeAttachedAsync();
        // The month axis always names the current month, the last one, on a phone too.
        var thisMonth = FinanceTracker.Web.Components.Pages.Dashboard.Insights.ChartFormat.Month(DateTime.UtcNow.ToString("yyyy-MM"), withYear: false);
        await Expect(insights.Locator(".rz-category-axis .rz-tick-text").Last).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^" + thisMonth));
        await Expect(insights.Locator(".calendar .day:not(.outside)").First).ToBeVisibleAsync();
        Assert.InRange(await insights.Locator(".calendar .day:not(.outside)").CountAsync(), 28, 31);

        // Screen readers get the numbers as tables with captions and headers.
        await Expect(insights.Locator("table caption", new() { HasText = "Spending by category, EUR" })).ToBeAttachedAsync();
        await Expect(insights.GetByRole(AriaRole.Rowheader, new() { Name = "Dining" })).ToBeAttachedAsync();

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"The dashboard scrolls sideways ({variant}).");
        await ScreenshotWholePageAsync(me, $"50-dashboard-insights-{variant}");
    }

    /// <summary>The app scrolls inside its content area, not the document, so a tall viewport shows the whole page.</summary>
    private static async Task ScreenshotWholePageAsync(Person me, string name)
    {
        var page = me.Page;
        var viewport = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))");
        await page.SetViewportSizeAsync(viewport.Width, Math.Min(height + 100, 6000));
        await me.ScreenshotAsync(name);
        var cards = Insights(me).Locator("section.card");
        for (var i = 0; i < await cards.CountAsync(); i++)
        {
            await cards.Nth(i).ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, $"{name}-card{i + 1}.png") });
        }
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    private async Task<Person> SignedInAsync(Person existing, Viewport viewport, ColorScheme scheme)
    {
        var me = new Person(await stack.NewPageAsync(viewport, scheme), existing.Email);
        await me.Page.GotoAsync("/account/login");
        await me.SignInAsync();
        await Expect(me.Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        return me;
    }
}
