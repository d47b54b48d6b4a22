using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using FinanceTracker.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// A person who works from the keyboard: the Transactions list and a register are one Tab stop with the arrow keys
/// inside (the column headers included), Enter opens a row, and single-key shortcuts (listed by ?) add, search and page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserStack stack) : BrowserTest(stack)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Now);

    [Fact]
    public async Task TheTransactionsGridIsOneTabStopWithArrowKeysThroughCellsAndHeaders()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await SeedAsync(me, ("Alpha market", -12.50m), ("Bravo bakery", -4.20m), ("Charlie cafe", -3.10m));
        var page = me.Page;
        await OpenTransactionsAsync(page);
        var grid = me.TransactionsTable;
        var alpha = grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Alpha market" });

        // From the last control before the grid, Tab lands on its first cell, and the next Tab leaves it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Filters" }).FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(alpha.GetByRole(AriaRole.Gridcell).First).ToBeFocusedAsync();
        await Expect(grid.Locator("[tabindex='0']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("Tab");
        Assert.False(await FocusIsInAsync(page, "Transactions"), "A second Tab stayed in the grid.");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(alpha.GetByRole(AriaRole.Gridcell).First).ToBeFocusedAsync();

        // Right to the payee, down a row, up into the header row; Home, End, Ctrl+End, Ctrl+Home.
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Alpha market" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(grid.GetByRole(AriaRole.Button, new() { Name = "Bravo bakery" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Payee" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("End");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Amount" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Date" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+End");
        var charlie = grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Charlie cafe" });
        await Expect(charlie.GetByRole(AriaRole.Gridcell).Last).ToBeFocusedAsync();
        await Expect(charlie.GetByRole(AriaRole.Gridcell).Last).ToContainTextAsync("3.10");
        await page.Keyboard.PressAsync("Control+Home");
        await Expect(grid.GetByRole(AriaRole.Columnheader, new() { Name = "Date" })).ToBeFocusedAsync();
        await Expect(grid.Locator("[tabindex='0']")).ToHaveCountAsync(1);

        // Enter on a plain cell opens that row's transaction, as a click does.
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bravo bakery" }).GetByRole(AriaRole.Gridcell).Nth(2)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(TransactionDialog(page, "Edit transaction")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Payee")).ToHaveValueAsync("Bravo bakery");
    }

    [Fact]
    public async Task ARegisterMovesLikeTheTransactionsGridAndEnterOpensItsRow()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        var account = await SeedAsync(me, ("Landlord", -800m), ("Acme Corp", 2500m));
        var page = me.Page;
        await page.GotoAsync($"/accounts/{account}");
        var register = page.GetByRole(AriaRole.Grid, new() { Name = "Register" });
        await Expect(register.GetByRole(AriaRole.Button, new() { Name = "Acme Corp" })).ToBeVisibleAsync();
        await ExpectOneTabStopAsync(register);

        await register.GetByRole(AriaRole.Button, new() { Name = "Landlord" }).FocusAsync();
        await Expect(register.Locator("[tabindex='0']")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("End");
        var cleared = register.GetByRole(AriaRole.Checkbox, new() { Name = $"Cleared: Landlord {Long(Today.AddDays(-1))}" });
        await Expect(cleared).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(register.GetByRole(AriaRole.Columnheader, new() { Name = "Cleared" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(register.GetByRole(AriaRole.Checkbox, new() { Name = $"Cleared: Acme Corp {Long(Today.AddDays(-2))}" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(TransactionDialog(page, "Edit transaction")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Payee")).ToHaveValueAsync("Acme Corp");
    }

    [Fact]
    public async Task ShortcutsAddSearchAndPageAndTheQuestionMarkListsThem()
    {
        var me = await NewPersonAsync(Viewport.Desktop);
        await me.SignUpAsync();
        await SeedAsync(me, [.. Enumerable.Range(1, 55).Select(i => ($"Shop {i:00}", -1m * i))]);
        var page = me.Page;
        await OpenTransactionsAsync(page);
        var range = page.GetByText("1–50 of 55");
        await Expect(range).ToBeVisibleAsync();

        // ? lists the shortcuts in a dialog; Escape closes it and focus goes back where it was.
        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 });
        await heading.FocusAsync();
        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(help).ToBeVisibleAsync();
        await Expect(help.GetByRole(AriaRole.Row).Filter(new() { HasText = "New transaction" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("n");
        await Expect(help.GetByRole(AriaRole.Row).Filter(new() { HasText = "Next page" }).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("]");
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();
        await Expect(heading).ToBeFocusedAsync();

        // The header's button opens the same list.
        await page.GetByRole(AriaRole.Button, new() { Name = "Keyboard shortcuts" }).ClickAsync();
        await Expect(help).ToBeVisibleAsync();
        await help.GetByRole(AriaRole.Button, new() { Name = "Close" }).ClickAsync();
        await Expect(help).ToBeHiddenAsync();

        // ] and [ page; the URL keeps the place.
        await page.Keyboard.PressAsync("]");
        await Expect(page.GetByText("51–55 of 55")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("after="));
        await page.Keyboard.PressAsync("[");
        await Expect(range).ToBeVisibleAsync();

        // / goes to the search field without typing itself into it; while typing there, n and ? are just letters.
        var search = page.GetByLabel("Search");
        await page.Keyboard.PressAsync("/");
        await Expect(search).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("n?");
        await Expect(search).ToHaveValueAsync("n?");
        await Expect(search).ToBeFocusedAsync();
        await Expect(TransactionDialog(page, "New transaction")).ToHaveCountAsync(0);
        await Expect(help).ToBeHiddenAsync();

        // n opens the add form; g then d goes to the dashboard, where n still adds a transaction.
        await search.FillAsync("");
        await Expect(range).ToBeVisibleAsync();
        await heading.FocusAsync();
        await page.Keyboard.PressAsync("n");
        var add = TransactionDialog(page, "New transaction");
        await Expect(add).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("?");
        await Expect(help).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(add).ToHaveCountAsync(0);

        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("d");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Add transaction" }).First)
            .Not.ToHaveAttributeAsync("aria-disabled", "true");
        await page.Keyboard.PressAsync("n");
        await Expect(add).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(add).ToHaveCountAsync(0);

        // A page without an Add transaction button: n goes to Transactions and opens the form there.
        await page.GotoAsync("/categories");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Categories", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Keyboard.PressAsync("n");
        await Expect(page).ToHaveURLAsync(new Regex("/transactions$"));
        await Expect(add).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("desktop", ColorScheme.Light)]
    [InlineData("phone", ColorScheme.Dark)]
    public async Task TheFocusedCellAndTheShortcutListAreVisibleInBothThemes(string device, ColorScheme scheme)
    {
        var (viewport, variant) = Look(device, scheme);
        var me = await NewPersonAsync(viewport, scheme);
        await me.SignUpAsync();
        await SeedAsync(me, ("Alpha market", -12.50m), ("Bravo bakery", -4.20m));
        var page = me.Page;
        await OpenTransactionsAsync(page);

        var grid = me.TransactionsTable;
        await grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Alpha market" }).GetByRole(AriaRole.Gridcell).First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var focused = grid.GetByRole(AriaRole.Row).Filter(new() { HasText = "Bravo bakery" }).GetByRole(AriaRole.Gridcell).First;
        await Expect(focused).ToBeFocusedAsync();
        Assert.NotEqual("none", await focused.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await me.ScreenshotAsync($"90-grid-focused-cell-{variant}");

        await page.Keyboard.PressAsync("?");
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" })).ToBeVisibleAsync();
        Assert.True(await me.HasNoHorizontalScrollAsync(), $"The shortcut list scrolls sideways ({variant}).");
        await me.ScreenshotAsync($"91-keyboard-shortcuts-{variant}");
    }

    private static async Task OpenTransactionsAsync(IPage page)
    {
        await page.GotoAsync("/transactions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Transactions", Level = 1 })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await ExpectOneTabStopAsync(page.GetByRole(AriaRole.Grid, new() { Name = "Transactions" }));
    }

    /// <summary>Fluent draws every cell with tabindex 0; one left means the grid's keyboard script has taken over.</summary>
    private static Task ExpectOneTabStopAsync(ILocator grid) => Expect(grid.Locator("[tabindex='0']")).ToHaveCountAsync(1);

    /// <summary>The transaction form's dialog, whether Fluent announces it as a dialog or an alert dialog.</summary>
    private static ILocator TransactionDialog(IPage page, string name) =>
        page.GetByRole(AriaRole.Dialog, new() { Name = name }).Or(page.GetByRole(AriaRole.Alertdialog, new() { Name = name }));

    private static Task<bool> FocusIsInAsync(IPage page, string grid) =>
        page.EvaluateAsync<bool>("name => document.activeElement?.closest('[role=grid]')?.getAttribute('aria-label') === name", grid);

    /// <summary>An account with the given rows (newest first, one day apart), through the Api as the signed-up person.</summary>
    private async Task<long> SeedAsync(Person me, params (string Payee, decimal Amount)[] rows)
    {
        using var api = new HttpClient { BaseAddress = Stack.App.ApiAddress };
        var login = await api.PostAsJsonAsync("/api/auth/login", new { email = me.Email, password = Person.Password });
        login.EnsureSuccessStatusCode();
        var tokens = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        var account = await api.CreateAccountAsync("Everyday");
        for (var i = 0; i < rows.Length; i++)
        {
            var date = Today.AddDays(-1 - i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await api.CreateTransactionAsync(account.Id, rows[i].Amount, date, rows[i].Payee);
        }
        return account.Id;
    }

    private static string Long(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
}
