using Bunit;
using FinanceTracker.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class ConfirmDialogTests : WebTestContext
{
    private async Task<(IRenderedComponent<FluentDialogProvider> Provider, Task<bool> Answer)> AskAsync(CancellationToken cancellationToken)
    {
        var provider = Render<FluentDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<bool>? answer = null;
        // Started on the renderer's thread but not awaited: it completes only when the person answers.
        await provider.InvokeAsync(() =>
        {
            answer = dialogs.ConfirmAsync("Delete \"Checking\"?", "This deletes the account and every transaction in it, for good.");
        }).WaitAsync(cancellationToken);
        return (provider, answer!);
    }

    [Fact(Timeout = 15000)]
    public async Task ShowsTheQuestionWithDeleteAndCancel()
    {
        var (provider, answer) = await AskAsync(Xunit.TestContext.Current.CancellationToken);

        provider.WaitForAssertion(() => Assert.Contains("every transaction in it", provider.Markup));
        Assert.True(provider.HasButton("Delete"));
        Assert.True(provider.HasButton("Cancel"));
        Assert.False(answer.IsCompleted);
    }

    [Fact(Timeout = 15000)]
    public async Task DeleteConfirms()
    {
        var (provider, answer) = await AskAsync(Xunit.TestContext.Current.CancellationToken);

        provider.WaitForAssertion(() => Assert.True(provider.HasButton("Delete")));
        await provider.Button("Delete").ClickAsync(new());

        Assert.True(await answer.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken));
    }

    [Fact(Timeout = 15000)]
    public async Task CancelDeclines()
    {
        var (provider, answer) = await AskAsync(Xunit.TestContext.Current.CancellationToken);

        provider.WaitForAssertion(() => Assert.True(provider.HasButton("Cancel")));
        await provider.Button("Cancel").ClickAsync(new());

        Assert.False(await answer.WaitAsync(TimeSpan.FromSeconds(5), Xunit.TestContext.Current.CancellationToken));
    }
}
