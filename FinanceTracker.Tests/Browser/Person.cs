using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// What a person does in the app, written only with the accessible names the UI promises
/// (labels, button names, the table and its column headers), like a screen-reader user would.
/// </summary>
public sealed class Person(IPage page, string email)
{
    public const string Password = "Sup3r-$ecret!";

    public IPage Page { get; } = page;

    public string Email { get; } = email;

    public static Person New(IPage page) => new(page, $"e2e-{Guid.NewGuid():N}@example.com");

    public async Task SignUpAsync()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Page.GetByLabel("Email").FillAsync(Email);
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Dashboard" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Chooses files in a file field once it listens (Blazor's InputFile, or a field marked data-listening by its own script):
    /// the script hooks 'change' after the first render, and files set before that are silently dropped (no person is that
    /// quick; a test on a busy machine is).
    /// </summary>
    public async Task ChooseFilesAsync(string label, params FilePayload[] files) =>
        await (await ListeningFileFieldAsync(label)).SetInputFilesAsync(files);

    /// <inheritdoc cref="ChooseFilesAsync(string, FilePayload[])"/>
    public async Task ChooseFilesAsync(string label, params string[] paths) =>
        await (await ListeningFileFieldAsync(label)).SetInputFilesAsync(paths);

    private async Task<ILocator> ListeningFileFieldAsync(string label)
    {
        // Asked afresh each time: the prerendered field is replaced by the interactive one, which is the one that listens.
        var input = Page.GetByLabel(label, new() { Exact = true });
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await input.EvaluateAsync<bool>("el => el._blazorInputFileNextFileId !== undefined || el.dataset.listening === 'true'"))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"The file field '{label}' never started listening.");
            }
            await Page.WaitForTimeoutAsync(50);
        }
        return input;
    }

    public async Task SignInAsync(string password = Password)
    {
        await Page.GetByLabel("Email").FillAsync(Email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    public async Task GoToSettingsAsync()
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "My account" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
    }

    public async Task AddAccountAsync(string name, string type, string currency)
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Type").SelectOptionAsync(type);
        await Page.GetByLabel("Currency").FillAsync(currency);
        await SaveAsync();
    }

    /// <summary>Adds a category under <paramref name="parent"/> on the Categories page.</summary>
    public async Task AddSubcategoryAsync(string name, string parent)
    {
        await Page.GotoAsync("/categories");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add category" }).ClickAsync();
        await Page.GetByLabel("Name").FillAsync(name);
        await Page.GetByLabel("Parent").SelectOptionAsync(new SelectOptionValue { Label = parent });
        await SaveAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = name })).ToBeVisibleAsync();
    }

    public async Task AddTransactionAsync(string amount, string category, string payee, string? notes = null, string? account = null)
    {
        await OpenTransactionFormAsync();
        if (account is not null)
        {
            await Page.GetByLabel("Account").SelectOptionAsync(new SelectOptionValue { Label = account });
        }
        await Page.GetByLabel("Amount").FillAsync(amount);
        await Page.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = category });
        await Page.GetByLabel("Payee").FillAsync(payee);
        if (notes is not null)
        {
            await Page.GetByLabel("Notes").FillAsync(notes);
        }
        await SaveAsync();
    }

    /// <summary>
    /// After the first transaction the dashboard swaps its first-steps "Add transaction" button for the header's as it
    /// reloads; a click that lands on the departing one is dropped (as it would be for a person, who clicks again).
    /// </summary>
    private async Task OpenTransactionFormAsync()
    {
        var add = Page.GetByRole(AriaRole.Button, new() { Name = "Add transaction" });
        await add.ClickAsync();
        try
        {
            await Page.GetByLabel("Amount").WaitForAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            await add.ClickAsync();
        }
    }

    /// <summary>Saves the open form and waits until its dialog has closed.</summary>
    public async Task SaveAsync()
    {
        await Page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
    }

    public async Task GoToAsync(string navigationLink, string heading)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = navigationLink, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The Transactions list: a grid (one Tab stop, arrow keys between its cells).</summary>
    public ILocator TransactionsTable => Page.GetByRole(AriaRole.Grid, new() { Name = "Transactions" });

    /// <summary>Saves a screenshot under .local/screenshots (git-ignored), overwritten each run.</summary>
    public async Task ScreenshotAsync(string name)
    {
        // Let toasts and transitions settle so the picture shows the page, not an animation frame.
        await Page.WaitForTimeoutAsync(400);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, name + ".png") });
    }

    /// <summary>Measured once the page's stylesheets have loaded: on a busy machine a heading can show before them.</summary>
    public async Task<bool> HasNoHorizontalScrollAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await Page.WaitForFunctionAsync("() => [...document.querySelectorAll('link[rel=stylesheet]')].every(link => link.sheet)");
        return await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");
    }
}
