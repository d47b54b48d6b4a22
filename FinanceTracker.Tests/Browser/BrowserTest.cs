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
