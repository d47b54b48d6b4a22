using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>The Web's strict Content-Security-Policy leaves Blazor's circuit, Fluent UI, charts and dialogs working.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserStack stack) : BrowserTest(stack)
{
    [Fact]
    public async Task SigningInAndUsingDashboardTransactionsAndDialogsViolatesNothing()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        var page = me.Page;
        // Recorded by the page itself from its first script on: every blocked script, style, image or connection.
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`));
            """);
        var console = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) console.Add(message.Text);
        };

        var response = await page.GotoAsync("/account/login");
        var policy = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);

        await me.SignUpAsync();
        await me.AddAccountAsync("Everyday", "checking", "EUR");
        await me.AddTransactionAsync("12.50", "Groceries", "Corner grocer");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "This month in EUR" })).ToContainTextAsync(new Regex("\u2212€12\\.50"));
        await me.GoToAsync("Transactions", "Transactions");
        await me.TransactionsTable.GetByRole(AriaRole.Button, new() { Name = "Corner grocer" }).ClickAsync();
        await Expect(page.GetByLabel("Payee")).ToHaveValueAsync("Corner grocer");
        await me.SaveAsync();
        await me.GoToAsync("Dashboard", "Dashboard");
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }
}
