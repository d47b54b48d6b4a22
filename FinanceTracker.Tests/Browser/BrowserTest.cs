using Microsoft.Playwright;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// Base of the browser tests: hands out fresh browser pages and, when a test fails, saves what
/// each page showed (FAILED-*.png) and the end of the Web's log next to the screenshots.
/// </summary>
public abstract class BrowserTest(BrowserStack stack) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];

    protected BrowserStack Stack { get; } = stack;

    /// <summary>Every look a page must hold: desktop and a 390×844 phone, each light and dark.</summary>
    public static TheoryData<string, ColorScheme> Looks => new()
    {
        { "desktop", ColorScheme.Light },
        { "desktop", ColorScheme.Dark },
        { "phone", ColorScheme.Light },
        { "phone", ColorScheme.Dark },
    };

    /// <summary>The viewport of one of <see cref="Looks"/>, and its name for screenshots ("phone-dark").</summary>
    protected static (Viewport Viewport, string Variant) Look(string device, ColorScheme scheme) =>
        (device == "desktop" ? Viewport.Desktop : new Viewport("phone", 390, 844), $"{device}-{scheme.ToString().ToLowerInvariant()}");

    protected async Task<IPage> NewPageAsync(Viewport viewport, ColorScheme scheme = ColorScheme.Light)
    {
        var page = await Stack.NewPageAsync(viewport, scheme);
        _pages.Add(page);
        return page;
    }

    protected async Task<Person> NewPersonAsync(Viewport viewport, ColorScheme scheme = ColorScheme.Light) =>
        Person.New(await NewPageAsync(viewport, scheme));

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        var test = TestContext.Current.Test?.TestDisplayName.Split('.').Last() ?? "test";
        var failed = TestContext.Current.TestState?.Result == TestResult.Failed;
        for (var i = 0; i < _pages.Count; i++)
        {
            if (failed && !_pages[i].IsClosed)
            {
                await _pages[i].ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Screenshots, $"FAILED-{test}-{i}.png") });
            }
            await _pages[i].Context.CloseAsync();
        }
        if (failed)
        {
            await File.WriteAllTextAsync(Path.Combine(RepositoryPaths.Screenshots, $"FAILED-{test}-web.log"), Stack.App.RecentLog("web"));
        }
        GC.SuppressFinalize(this);
    }
}
