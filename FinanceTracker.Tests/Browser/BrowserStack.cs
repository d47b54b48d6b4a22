using FinanceTracker.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceTracker.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserStack>
{
    public const string Name = "Browser";
}

/// <summary>
/// The app as the AppHost starts it (Web and Api processes on MariaDB, Redis and Azurite), shared with the Api
/// tests, and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserStack : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public TestApp App { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("FT_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        App = await TestApp.SharedAsync();
        // The Api tests share this app and run beside the browser: on two busy cores an answer can take longer than
        // Playwright's 5 s default, so a check waits as long as an action does (a real failure still fails).
        Assertions.SetDefaultExpectTimeout(15_000);

        Directory.CreateDirectory(RepositoryPaths.Screenshots);
        foreach (var stale in Directory.EnumerateFiles(RepositoryPaths.Screenshots, "FAILED-*"))
        {
            File.Delete(stale);
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A Web process talking to the Api at <paramref name="api"/> (which may be a dead address, on purpose).</summary>
    public static Task<AppProcess> StartWebAsync(Uri api) =>
        AppProcess.StartAsync("FinanceTracker.Web", Path.Combine(RepositoryPaths.Root, "FinanceTracker.Web"),
            new Dictionary<string, string>
            {
                ["services__api__http__0"] = api.ToString().TrimEnd('/'),
                ["DataProtection__KeysPath"] = Path.Combine(Path.GetTempPath(), "ft-e2e-keys-" + Guid.NewGuid().ToString("N")),
            });

    /// <summary>A fresh browser profile (no cookies) with a desktop or phone viewport.</summary>
    public async Task<IPage> NewPageAsync(Viewport viewport, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.WebAddress.ToString(),
            ViewportSize = new() { Width = viewport.Width, Height = viewport.Height },
            ColorScheme = scheme,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }
}

public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800);
    public static readonly Viewport Phone = new("phone", 375, 812);
}
