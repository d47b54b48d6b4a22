using System.Diagnostics;
using Microsoft.Playwright;

namespace FinanceTracker.Bench;

/// <summary>
/// The Web with headless Chromium, signed in as the big person: time from navigation to the Transactions page's first row,
/// and to the Dashboard's cards (its Balances panel), the median of a few visits each.
/// </summary>
internal sealed class WebFigures(BenchOptions options, Results results)
{
    private const int Visits = 7;

    public async Task RunAsync(Person person)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = options.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new() { BaseURL = options.WebUrl.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync("/account/login");
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(BenchApi.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" }).WaitForAsync();

        var firstRow = page.Locator("table[aria-label='Transactions'] button.open").First;
        results.Add("web.transactions_first_page_ms", $"Web: /transactions to its first row (median of {Visits})",
            await VisitsAsync(page, "/transactions", firstRow), "ms");
        var cards = page.GetByRole(AriaRole.Heading, new() { Name = "Balances" });
        results.Add("web.dashboard_ms", $"Web: dashboard to its cards (median of {Visits})", await VisitsAsync(page, "/", cards), "ms");
    }

    private static async Task<double> VisitsAsync(IPage page, string path, ILocator shown)
    {
        var times = new List<double>();
        for (var i = 0; i < Visits + 1; i++)
        {
            await page.GotoAsync("about:blank");
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
            await shown.WaitForAsync(new() { State = WaitForSelectorState.Visible });
            if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds); // the first visit warms the circuit's caches
        }
        return Latency.Of(times).MedianMs;
    }
}
