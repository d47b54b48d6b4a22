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
        var cards = page.GetByRole(AriaRole.Heading, new() { Name = "Balances" });

        // Figures of a Web that has run a while, as for the Api: both pages in turn for the warm-up time first, while the
        // Web compiles its code (tiered JIT). Without it two full runs gave 1,022 and 1,143 ms to the first row, and the
        // same Web 604–868 ms after some visits; with it, the next full run gave 1,304 ms during the warm-up and 1,228 ms
        // after it, on a machine slower that hour (its throughput and export figures fell by a quarter too).
        var firstVisits = new List<double>();
        var warmUp = Stopwatch.StartNew();
        while (firstVisits.Count == 0 || warmUp.Elapsed.TotalSeconds < options.WarmUpSeconds)
        {
            firstVisits.Add(await VisitAsync(page, "/transactions", firstRow));
            await VisitAsync(page, "/", cards);
        }
        results.Add(null, $"Web: /transactions to its first row during the warm-up (median of {firstVisits.Count} visits in {options.WarmUpSeconds} s, both pages in turn)",
            Latency.Of(firstVisits).MedianMs, "ms");

        results.Add("web.transactions_first_page_ms", $"Web: /transactions to its first row (median of {Visits})",
            await VisitsAsync(page, "/transactions", firstRow), "ms");
        results.Add("web.dashboard_ms", $"Web: dashboard to its cards (median of {Visits})", await VisitsAsync(page, "/", cards), "ms");
    }

    private static async Task<double> VisitsAsync(IPage page, string path, ILocator shown)
    {
        var times = new List<double>();
        for (var i = 0; i < Visits; i++)
        {
            times.Add(await VisitAsync(page, path, shown));
        }
        return Latency.Of(times).MedianMs;
    }

    /// <summary>Milliseconds from navigating (away from a blank page) to <paramref name="shown"/> being visible.</summary>
    private static async Task<double> VisitAsync(IPage page, string path, ILocator shown)
    {
        await page.GotoAsync("about:blank");
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await shown.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        return watch.Elapsed.TotalMilliseconds;
    }
}
