using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// axe-core over every page of the app (and its main dialogs), signed out and signed in with some data, on a desktop and a
/// phone, light and dark: no violation of impact serious or critical (WCAG 2.2 AA is the bar). A failure lists every
/// violation of the variant with its rule, help text and the first elements it found it on.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AccessibilityTests(BrowserStack stack) : BrowserTest(stack)
{
    /// <summary>
    /// A page to check: its address (a <c>{parameter}</c> is filled from the first matching link on the page above it,
    /// e.g. <c>/accounts/{id}</c> from a link on <c>/accounts</c>), the text that shows it has loaded its data, and
    /// optionally a button to press first and a label that shows the dialog it opens.
    /// </summary>
    private sealed record Screen(string Route, string Shows, string? Press = null, string? DialogLabel = null)
    {
        public string Name => Press is null ? Route : $"{Route} + \"{Press}\" dialog";
    }

    private static readonly Screen[] SignedOutScreens =
    [
        new("/account/login", "Sign in"),
        new("/account/register", "Create your account"),
        new("/account/forgot-password", "Forgot your password?"),
        new("/account/reset-password?email=someone%40example.com&code=abc", "New password"),
        new("/account/reset-password", "This link is incomplete"),
        new("/Error", "Something went wrong"),
    ];

    /// <summary>Every page a signed-in person reaches; a route that answers 404 (not built yet) is skipped and said so.</summary>
    private static readonly Screen[] SignedInScreens =
    [
        new("/", "Corner grocer"),
        new("/transactions", "Corner grocer"),
        new("/transactions", "Corner grocer", "Add transaction", "Amount"),
        new("/accounts", "Everyday"),
        new("/accounts", "Everyday", "Add account", "Currency"),
        new("/accounts/{id}", "Corner grocer"),
        new("/categories", "Groceries"),
        new("/categories", "Groceries", "Add category", "Name"),
        new("/import", "Import"),
        new("/import/rules", "Import rules"),
        new("/import/rules", "Import rules", "Add rule", "Pattern"),
        new("/recurring", "Landlord"),
        new("/recurring", "Landlord", "Add rule", "First date"),
        new("/settings", "Settings"),
        new("/budgets", "Groceries"),
        new("/tags", "holiday"),
        new("/payees", "Corner grocer"),
        new("/not-found", "Page not found"),
    ];

    [Fact]
    public void EveryPageOfTheWebIsInTheList()
    {
        var pages = Path.Combine(RepositoryPaths.Root, "FinanceTracker.Web", "Components", "Pages");
        var checkedRoutes = SignedOutScreens.Concat(SignedInScreens).Select(s => Template(s.Route)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = Directory.EnumerateFiles(pages, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => PageDirective().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Route: m.Groups[1].Value)))
            .Where(page => !checkedRoutes.Contains(Template(page.Route)))
            .Select(page => $"{page.Route} ({page.File})")
            .ToList();

        Assert.True(missing.Count == 0, "Pages the accessibility check does not visit; add them to AccessibilityTests: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Looks), MemberType = typeof(BrowserTest))]
    public async Task EveryPageHasNoSeriousOrCriticalAccessibilityViolations(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        var found = new StringBuilder();
        var failures = 0;
        try
        {
            foreach (var screen in SignedOutScreens)
            {
                failures += await CheckAsync(me.Page, screen, found);
            }

            await me.SignUpAsync();
            await SeedAsync(me);
            foreach (var screen in SignedInScreens)
            {
                failures += await CheckAsync(me.Page, screen, found);
            }
            if (device == "phone")
            {
                failures += await CheckPhoneMenuAsync(me.Page, found);
            }
        }
        finally
        {
            // The whole list, passes and skips included, for a person to read after the run.
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Screenshots, $"accessibility-{variant}.txt"), found.ToString());
        }

        Assert.True(failures == 0, $"{failures} serious or critical accessibility violation(s), {variant}:\n{found}");
    }

    /// <summary>Visits the screen, checks it, and writes what it found; returns the number of violations.</summary>
    private static async Task<int> CheckAsync(IPage page, Screen screen, StringBuilder found)
    {
        var route = await ResolveAsync(page, screen.Route);
        if (route is null)
        {
            found.AppendLine($"  skipped {screen.Route}: no link to it found on its parent page");
            return 0;
        }
        var response = await page.GotoAsync(route);
        if (response?.Status == 404 && screen.Route != "/not-found")
        {
            found.AppendLine($"  skipped {screen.Name}: answers 404 (not built yet)");
            return 0;
        }
        await ReadyAsync(page, screen.Shows);
        if (screen.Press is not null)
        {
            await OpenDialogAsync(page, screen.Press, screen.DialogLabel!);
        }
        return Report(screen.Name, await Axe.SeriousViolationsAsync(page), found);
    }

    private static async Task<int> CheckPhoneMenuAsync(IPage page, StringBuilder found)
    {
        await page.GotoAsync("/");
        await ReadyAsync(page, "Corner grocer");
        var menu = page.GetByLabel("Menu", new() { Exact = true });
        var transactions = page.GetByRole(AriaRole.Link, new() { Name = "Transactions", Exact = true });
        await menu.ClickAsync();
        await Expect(transactions).ToBeVisibleAsync();
        // The panel slides in; check it where it comes to rest.
        await page.WaitForTimeoutAsync(800);
        var violations = Report("/ + phone menu open", await Axe.SeriousViolationsAsync(page), found);

        // The menu button says whether its menu is open, and still opens it again after it was closed.
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("Escape");
        await Expect(transactions).ToBeHiddenAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await menu.ClickAsync();
        await Expect(transactions).ToBeVisibleAsync();
        await Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        return violations;
    }

    private static int Report(string name, IReadOnlyList<AxeViolation> violations, StringBuilder found)
    {
        found.AppendLine(violations.Count == 0 ? $"  ok      {name}" : $"  FAILED  {name}:");
        foreach (var violation in violations)
        {
            found.AppendLine($"    {violation}");
        }
        return violations.Count;
    }

    /// <summary>The heading or data has shown, the circuit has rendered it, and transitions have settled.</summary>
    private static async Task ReadyAsync(IPage page, string shows)
    {
        await Expect(page.GetByText(shows).Filter(new() { Visible = true }).First).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>A click that lands before the page is interactive is dropped (as it would be for a person, who clicks again).</summary>
    private static async Task OpenDialogAsync(IPage page, string button, string label)
    {
        var open = page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).First;
        await open.ClickAsync();
        try
        {
            await page.GetByLabel(label, new() { Exact = true }).WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            await open.ClickAsync();
            await page.GetByLabel(label, new() { Exact = true }).WaitForAsync();
        }
        await page.WaitForTimeoutAsync(300);
    }

    /// <summary>The route itself, or for a route with a parameter the first link on its parent page that fits it.</summary>
    private static async Task<string?> ResolveAsync(IPage page, string route)
    {
        if (!route.Contains('{'))
        {
            return route;
        }
        var parent = route[..route.IndexOf("/{", StringComparison.Ordinal)];
        await page.GotoAsync(parent);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var pattern = new Regex("^" + Regex.Escape(Template(route)).Replace(@"\{}", "[^/?#]+") + "$", RegexOptions.IgnoreCase);
        var hrefs = await page.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => new URL(a.href).pathname)");
        return hrefs.FirstOrDefault(pattern.IsMatch);
    }

    /// <summary>An account, categories, a few transactions with a tag, and a recurring rule: enough for every page to show data.</summary>
    private static async Task SeedAsync(Person me)
    {
        var page = me.Page;
        // By address, not the navigation links: on a phone those fold into the menu.
        await page.GotoAsync("/accounts");
        await ReadyAsync(page, "Accounts");
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await page.GotoAsync("/transactions");
        await ReadyAsync(page, "Transactions");
        await me.AddTransactionAsync("2500", "Salary", "Acme Corp", "November salary");
        await AddTaggedTransactionAsync(page, "86.40", "Groceries", "Corner grocer", "holiday, shared");
        await AddTaggedTransactionAsync(page, "34.90", "Dining", "Trattoria Roma", "holiday");

        await page.GotoAsync("/recurring");
        await ReadyAsync(page, "Recurring");
        await OpenDialogAsync(page, "Add rule", "First date");
        await page.GetByLabel("Payee").FillAsync("Landlord");
        await page.GetByLabel("Amount").FillAsync("950");
        await page.GetByLabel("Repeats").SelectOptionAsync(new SelectOptionValue { Label = "Monthly" });
        await page.GetByLabel("First date").FillAsync(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5).ToString("yyyy-MM-dd"));
        await me.SaveAsync();
        await Expect(page.GetByText("Landlord").Filter(new() { Visible = true }).First).ToBeVisibleAsync();
    }

    private static async Task AddTaggedTransactionAsync(IPage page, string amount, string category, string payee, string tags)
    {
        await OpenDialogAsync(page, "Add transaction", "Amount");
        await page.GetByLabel("Amount").FillAsync(amount);
        await page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByLabel("Payee").FillAsync(payee);
        await page.GetByLabel("Tags").FillAsync(tags);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }

    /// <summary>A route with its parameters blanked (<c>/accounts/{Id:long}</c> becomes <c>/accounts/{}</c>) and no query.</summary>
    private static string Template(string route) => Parameter().Replace(route.Split('?')[0], "{}");

    [GeneratedRegex("""^@page\s+"([^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex PageDirective();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();
}
