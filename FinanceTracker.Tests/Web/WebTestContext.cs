using Bunit;
using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

/// <summary>A bUnit context with the Fluent UI services, loose JS interop and a fake Api.</summary>
public abstract class WebTestContext : BunitContext
{
    protected WebTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddFluentUIComponents();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(_ => Api.Client);
        Services.AddSingleton<AntiforgeryStateProvider, FixedAntiforgery>();
    }

    protected FakeApi Api { get; } = new();

    protected static readonly Account Checking = new(1, "Checking", AccountType.Checking, "EUR", 0m, 957.90m, false);
    protected static readonly Account YenWallet = new(2, "Yen wallet", AccountType.Cash, "JPY", 0m, 12000m, false);
    protected static readonly Category Groceries = new(10, "Groceries", CategoryKind.Expense, null, "#2E7D32");
    protected static readonly Category Salary = new(20, "Salary", CategoryKind.Income, null, "#1565C0");

    protected static IReadOnlyList<Account> Accounts => [Checking, YenWallet];
    protected static IReadOnlyList<Category> Categories => [Groceries, Salary];
}

/// <summary>The antiforgery token a page would carry; components pass it along with their uploads.</summary>
internal sealed class FixedAntiforgery : AntiforgeryStateProvider
{
    public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
}
