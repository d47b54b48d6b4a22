using FinanceTracker.Tests.Infrastructure;
using Microsoft.Playwright;

namespace FinanceTracker.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserStack>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real stack for end-to-end tests: the Api and the Web as processes, a database of their own
/// on the real MariaDB (plus Redis and Azurite), and Debian's Chromium driven by Playwright.
/// </summary>
public sealed class BrowserStack : IAsyncLifetime
{
    private TestDatabase? _database;
    private IPlaywright? _playwright;

    public AppProcess Api { get; private set; } = default!;

    public AppProcess Web { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("FT_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        // TestServers fails with "run scripts/test" when the servers' locations are not set.
        _database = await TestDatabase.CreateAsync("ft_e2e");
        Api = await AppProcess.StartAsync("FinanceTracker.Api", Path.Combine(RepositoryPaths.Root, "FinanceTracker.Api"),
            new Dictionary<string, string>
            {
                ["ConnectionStrings__financedb"] = _database.ConnectionString,
                ["ConnectionStrings__cache"] = TestServers.Redis,
                ["ConnectionStrings__receipts"] = TestServers.Blobs,
            });
        Web = await StartWebAsync(Api.Address);

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
            BaseURL = Web.Address.ToString(),
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
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed record Viewport(string Name, int Width, int Height)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800);
    public static readonly Viewport Phone = new("phone", 375, 812);
}
