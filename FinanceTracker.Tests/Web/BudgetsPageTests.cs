using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using BudgetsPage = FinanceTracker.Web.Components.Pages.Budgets.Budgets;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class BudgetsPageTests : WebTestContext
{
    private static readonly Category Supermarket = new(11, "Supermarket", CategoryKind.Expense, Groceries.Id, null);
    private static readonly Category EatingOut = new(12, "Eating out", CategoryKind.Expense, null, null);

    private static readonly BudgetResponse November = new("2026-11", "EUR",
        [
            new(Groceries.Id, "Groceries", null, 300m, 0m, false, 300m, 120.50m, 179.50m, 40.2m, false),
            new(EatingOut.Id, "Eating out", null, 50m, 10m, false, 60m, 75m, -15m, 125m, true),
        ],
        new BudgetTotals(360m, 195.50m, 164.50m),
        [new(null, "Uncategorised", 12m)]);

    private static readonly BudgetResponse Empty = new("2026-11", "EUR", [], new BudgetTotals(0m, 0m, 0m), []);

    public BudgetsPageTests()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, new[] { Groceries, Salary, Supermarket, EatingOut })
           .On(HttpMethod.Get, "/api/budgets/2026-11", HttpStatusCode.OK, November);
    }

    private IRenderedComponent<BudgetsPage> RenderNovember()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/budgets?month=2026-11");
        var cut = Render<BudgetsPage>();
        cut.WaitForAssertion(() => cut.Find("table[aria-label='Budget']"));
        return cut;
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<BudgetsPage> cut, string category) =>
        cut.FindAll("table[aria-label='Budget'] tbody tr").Single(r => r.QuerySelector("th .text")!.TextContent == category);

    private static AngleSharp.Dom.IElement Input(IRenderedComponent<BudgetsPage> cut, string category) =>
        cut.Find($"input[aria-label='Budget for {category}']");

    private JsonElement SentBudget() =>
        JsonDocument.Parse(Api.Requests.Single(r => r.Method == HttpMethod.Put).Body!).RootElement;

    [Fact]
    public void ListsEveryExpenseCategorySubcategoriesUnderTheirParentWithBudgetSpentAndRemaining()
    {
        var cut = RenderNovember();

        Assert.Equal("November 2026", cut.Find("h2#month-heading").TextContent);
        var names = cut.FindAll("table[aria-label='Budget'] tbody th .text").Select(t => t.TextContent);
        Assert.Equal(["Eating out", "Groceries", "Supermarket"], names);
        Assert.Contains("↳", Row(cut, "Supermarket").TextContent);
        Assert.Contains("--depth:1", Row(cut, "Supermarket").QuerySelector("th")!.GetAttribute("style"));
        Assert.Equal("300.00", Input(cut, "Groceries").GetAttribute("value"));
        Assert.Null(Input(cut, "Supermarket").GetAttribute("value"));
        var groceries = Row(cut, "Groceries").TextContent;
        Assert.Contains("€120.50", groceries);
        Assert.Contains("€179.50", groceries);
        Assert.Contains("+€10.00 rolled over", Row(cut, "Eating out").TextContent);
        var total = cut.Find("table[aria-label='Budget'] tfoot").TextContent;
        Assert.Contains("€360.00", total);
        Assert.Contains("€195.50", total);
        Assert.Contains("Uncategorised", cut.Find("ul[aria-label='Spent without a budget']").TextContent);
        Assert.Contains("/api/budgets/2026-11", Api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void AnOverspentCategoryTurnsRedAndSaysByHowMuch()
    {
        var cut = RenderNovember();

        var over = Row(cut, "Eating out");
        Assert.Contains("over", over.ClassList);
        var bar = over.QuerySelector("[role=progressbar]")!;
        Assert.Equal("Eating out budget used", bar.GetAttribute("aria-label"));
        Assert.Contains("over", bar.ClassList);
        Assert.Equal(("60", "60"), (bar.GetAttribute("aria-valuenow"), bar.GetAttribute("aria-valuemax")));
        Assert.Equal("€75.00 of €60.00 spent, €15.00 over", bar.GetAttribute("aria-valuetext"));
        Assert.Contains("\u2212€15.00", over.QuerySelector(".col-remaining")!.TextContent);
        Assert.Contains("out", over.QuerySelector(".col-remaining .money")!.ClassList);

        var fine = Row(cut, "Groceries").QuerySelector("[role=progressbar]")!;
        Assert.DoesNotContain("over", fine.ClassList);
        Assert.Equal(("120.5", "300"), (fine.GetAttribute("aria-valuenow"), fine.GetAttribute("aria-valuemax")));
        Assert.DoesNotContain("over", Row(cut, "Groceries").ClassList);
    }

    [Fact]
    public void SaveSendsTheWholeMonthWithEachTypedAmountAndRollover()
    {
        Api.On(HttpMethod.Put, "/api/budgets/2026-11", HttpStatusCode.OK, November);
        var cut = RenderNovember();

        Input(cut, "Groceries").Input("320");
        Input(cut, "Supermarket").Input("40,5");
        cut.Find("input[aria-label='Roll over Supermarket']").Change(true);
        cut.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Put));
        var body = SentBudget();
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        var lines = body.GetProperty("lines").EnumerateArray()
            .Select(l => (l.GetProperty("categoryId").GetInt64(), l.GetProperty("amount").GetDecimal(), l.GetProperty("rollover").GetBoolean()));
        Assert.Equal([(EatingOut.Id, 50m, false), (Groceries.Id, 320m, false), (Supermarket.Id, 40.5m, true)], lines);
    }

    [Fact]
    public void EnterInAnAmountSaves()
    {
        Api.On(HttpMethod.Put, "/api/budgets/2026-11", HttpStatusCode.OK, November);
        var cut = RenderNovember();

        Input(cut, "Eating out").Input("");
        Input(cut, "Eating out").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Put));
        // A cleared amount is a line left out, which the Api removes.
        Assert.Equal([Groceries.Id], SentBudget().GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("categoryId").GetInt64()));
    }

    [Fact]
    public void TheApisErrorShowsBesideTheAmountItIsAbout()
    {
        Api.On(HttpMethod.Put, "/api/budgets/2026-11", _ => FakeApi.Problem(HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new() { ["lines[1].amount"] = ["EUR amounts have at most 2 decimals."] }));
        var cut = RenderNovember();

        cut.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("EUR amounts have at most 2 decimals.", Row(cut, "Groceries").QuerySelector(".validation-message")?.TextContent));
        Assert.Equal("true", Input(cut, "Groceries").GetAttribute("aria-invalid"));
        Assert.Null(Row(cut, "Eating out").QuerySelector(".validation-message"));
    }

    [Fact]
    public void AnAmountThatIsNotOneIsCaughtBeforeSending()
    {
        var cut = RenderNovember();

        Input(cut, "Groceries").Input("lots");
        cut.Button("Save").Click();

        Assert.Contains("Enter an amount", Row(cut, "Groceries").QuerySelector(".validation-message")!.TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public void CopyLastMonthAsksBeforeReplacingAMonthThatHasLines()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Post, "/api/budgets/2026-11/copy-from/2026-10", HttpStatusCode.OK, November);
        var cut = RenderNovember();

        cut.Button("Copy last month").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Replace the budget for November 2026?", dialogs.Markup));
        Assert.Contains("Its 2 lines will be replaced by the amounts of October 2026.", dialogs.Markup);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);

        dialogs.Button("Replace").Click();
        cut.WaitForAssertion(() => Assert.Contains(Api.Requests,
            r => r.Method == HttpMethod.Post && r.PathAndQuery == "/api/budgets/2026-11/copy-from/2026-10?currency=EUR"));
    }

    [Fact]
    public void CopyingFromAMonthWithoutABudgetSaysSo()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Get, "/api/budgets/2026-11", HttpStatusCode.OK, Empty)
           .On(HttpMethod.Post, "/api/budgets/2026-11/copy-from/2026-10", _ => FakeApi.Problem(HttpStatusCode.NotFound, "Not found",
               "2026-10 has no budget in EUR."));
        var cut = RenderNovember();

        cut.Button("Copy last month").Click();

        Assert.Contains("No budget for November 2026 yet.", cut.Markup);
        // Nothing to replace, so no question first.
        cut.WaitForAssertion(() => Assert.Contains("October 2026 has no budget in EUR to copy.", cut.Markup));
        Assert.DoesNotContain("Replace the budget", dialogs.Markup);
        Assert.DoesNotContain("That didn't work", cut.Markup);
    }

    [Fact]
    public void MonthAndCurrencyChangesGoIntoTheAddressAndLoadThatBudget()
    {
        Api.On(HttpMethod.Get, "/api/budgets/2026-12", request => FakeApi.Json(HttpStatusCode.OK,
            Empty with { Month = "2026-12", Currency = request.RequestUri!.Query.Contains("JPY") ? "JPY" : "EUR" }));
        var cut = RenderNovember();
        var navigation = Services.GetRequiredService<NavigationManager>();

        cut.Find("[aria-label='Next month']").Click();
        Assert.EndsWith("/budgets?month=2026-12&currency=EUR", navigation.Uri);
        cut.WaitForAssertion(() => Assert.Equal("December 2026", cut.Find("h2#month-heading").TextContent));
        Assert.Contains("/api/budgets/2026-12?currency=EUR", Api.Requests.Select(r => r.PathAndQuery));

        cut.Field("Currency").Change("JPY");
        Assert.EndsWith("/budgets?month=2026-12&currency=JPY", navigation.Uri);
        cut.WaitForAssertion(() => Assert.Contains("/api/budgets/2026-12?currency=JPY", Api.Requests.Select(r => r.PathAndQuery)));

        cut.WaitForAssertion(() => Assert.Equal("JPY", cut.Field("Currency").GetAttribute("value")));
        cut.Find("[aria-label='Previous month']").Click();
        Assert.EndsWith("/budgets?month=2026-11&currency=JPY", navigation.Uri);
    }

    [Fact]
    public void AMonthThatFailsToLoadShowsNoneOfTheMonthBefore()
    {
        Api.On(HttpMethod.Get, "/api/budgets/2026-12", HttpStatusCode.ServiceUnavailable);
        var cut = RenderNovember();

        cut.Find("[aria-label='Next month']").Click();

        cut.WaitForAssertion(() => Assert.Contains("can't reach the FinanceTracker service", cut.Markup));
        Assert.Empty(cut.FindAll("table[aria-label='Budget']"));
        Assert.True(cut.HasButton("Try again"));
    }

    [Fact]
    public void SomeoneWithoutAccountsIsSentToAddOneFirst()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Array.Empty<Account>());

        var cut = Render<BudgetsPage>();

        cut.WaitForAssertion(() => Assert.Contains("Add an account first", cut.Markup));
        Assert.Equal("/accounts", cut.Find("a.button").GetAttribute("href"));
        Assert.DoesNotContain(Api.Requests, r => r.PathAndQuery.StartsWith("/api/budgets", StringComparison.Ordinal));
    }
}
