using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Dashboard;
using FinanceTracker.Web.Components.Pages.Payees;
using FinanceTracker.Web.Components.Pages.Tags;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

/// <summary>Payees suggested with their last category, renamed and merged on the Payees page; totals per tag on the Tags page.</summary>
public sealed class TagsAndPayeesTests : WebTestContext
{
    private static readonly Payee AlbertHeijn = new("Albert Heijn", 12, new DateOnly(2026, 11, 2), Groceries.Id);
    private static readonly Payee Ah = new("AH 1234", 3, new DateOnly(2026, 10, 9), null);
    private static readonly Payee Employer = new("Employer BV", 2, new DateOnly(2026, 10, 25), Salary.Id);

    [Fact]
    public void RecentTransactionsShowTheirTags()
    {
        var cut = Render<RecentTransactions>(p => p
            .Add(r => r.Items, [new Transaction(1, 1, 10, new DateOnly(2026, 11, 20), -12m, "EUR", "Beach hut", null, ["holiday"], 1)])
            .Add(r => r.Lookups, new Lookups(Accounts, Categories)));

        Assert.Equal(["holiday"], cut.FindAll(".tag").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void APayeeFromTheHistoryFillsInItsLastCategoryWhenNoneIsChosen()
    {
        Api.On(HttpMethod.Get, "/api/payees", HttpStatusCode.OK, new[] { AlbertHeijn });
        var cut = Render<TransactionForm>(p => p
            .Add(f => f.Model, TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)))
            .Add(f => f.Accounts, Accounts)
            .Add(f => f.Categories, Categories));

        cut.Field("Payee").Input("Alb");
        cut.WaitForAssertion(() => Assert.Equal(["Albert Heijn"], cut.FindAll("datalist option").Select(o => o.GetAttribute("value"))));
        Assert.Equal("Groceries", cut.Find("datalist option").TextContent.Trim());
        Assert.Equal("", cut.Field("Category").GetAttribute("value") ?? "");
        Assert.Contains("/api/payees?limit=8&q=Alb", Api.Requests.Select(r => r.PathAndQuery));

        cut.Field("Payee").Input("Albert Heijn");

        cut.WaitForAssertion(() => Assert.Equal(Groceries.Id.ToString(), cut.Field("Category").GetAttribute("value")));
    }

    [Fact]
    public void AChosenCategoryIsKeptWhenAPayeeIsPicked()
    {
        Api.On(HttpMethod.Get, "/api/payees", HttpStatusCode.OK, new[] { AlbertHeijn });
        var model = TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20));
        model.CategoryId = Salary.Id;
        var cut = Render<TransactionForm>(p => p
            .Add(f => f.Model, model).Add(f => f.Accounts, Accounts).Add(f => f.Categories, Categories));

        cut.Field("Payee").Input("Albert Heijn");

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("datalist option")));
        Assert.Equal(Salary.Id, model.CategoryId);
    }

    [Fact]
    public void TagSuggestionsCompleteTheLastTagTyped()
    {
        Api.On(HttpMethod.Get, "/api/tags", HttpStatusCode.OK, new[] { new TagCount("holiday", 3), new TagCount("home", 1) });
        var cut = Render<TransactionForm>(p => p
            .Add(f => f.Model, TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)))
            .Add(f => f.Accounts, Accounts)
            .Add(f => f.Categories, Categories));

        cut.Field("Tags").Input("holiday, ho");

        cut.WaitForAssertion(() => Assert.Equal(["holiday, home"], cut.FindAll("datalist option").Select(o => o.GetAttribute("value"))));
        Assert.Contains("/api/tags?limit=8&q=ho", Api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void MergingAsksWithTheCountThenCallsTheApiAndShowsTheResult()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/payees", HttpStatusCode.OK, new[] { AlbertHeijn, Ah, Employer })
           .On(HttpMethod.Post, "/api/payees/merge", HttpStatusCode.OK, new MergePayeesResult("Albert Heijn", 3, 1));
        var cut = Render<Payees>();
        cut.WaitForAssertion(() => Assert.Contains("AH 1234", cut.Markup));
        Assert.Equal("true", cut.Button("Merge into…").GetAttribute("aria-disabled"));

        cut.Find("input[aria-label='Select Albert Heijn']").Change(true);
        cut.Find("input[aria-label='Select AH 1234']").Change(true);
        Assert.Contains("2 payees selected", cut.Markup);
        cut.Button("Merge into…").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("15 transactions paying “Albert Heijn” and “AH 1234” will all get one name.", dialogs.Markup));
        Assert.Equal("Albert Heijn", dialogs.Field("Merge into").GetAttribute("value"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
        dialogs.Button("Merge").Click();

        cut.WaitForAssertion(() => Assert.Contains("Merged “Albert Heijn” and “AH 1234” into “Albert Heijn”: 3 transactions and 1 recurring rule changed.", cut.Markup));
        using var sent = JsonDocument.Parse(Api.Requests.Single(r => r.Method == HttpMethod.Post).Body!);
        Assert.Equal(["Albert Heijn", "AH 1234"], sent.RootElement.GetProperty("from").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Albert Heijn", sent.RootElement.GetProperty("into").GetString());
    }

    [Fact]
    public void RenamingNeedsANewNameAndShowsTheApisFieldErrors()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/payees", HttpStatusCode.OK, new[] { AlbertHeijn, Ah })
           .On(HttpMethod.Post, "/api/payees/merge", _ => FakeApi.Problem(HttpStatusCode.BadRequest, "One or more validation errors occurred.",
               errors: new() { ["into"] = ["The new payee name is required."] }));
        var cut = Render<Payees>();
        cut.WaitForAssertion(() => Assert.Contains("AH 1234", cut.Markup));

        cut.Find("fluent-button[aria-label='Rename AH 1234']").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("3 transactions paying “AH 1234” will get the new name.", dialogs.Markup));
        dialogs.Button("Rename").Click();
        Assert.Equal(["That is its name already. Type the new name."], dialogs.MessagesOf("New name"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);

        dialogs.Field("New name").Change("Albert");
        dialogs.Button("Rename").Click();
        dialogs.WaitForAssertion(() => Assert.Equal(["The new payee name is required."], dialogs.MessagesOf("New name")));
    }

    [Fact]
    public void TheTagsPageShowsTotalsPerCurrencyOverTheLast12MonthsAndLinksEachTag()
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        Api.On(HttpMethod.Get, "/api/analytics/tags", HttpStatusCode.OK, new TagsReport(
            new AnalyticsRange(today.AddMonths(-12).AddDays(1), today, null),
            [new CurrencyTags("EUR", [new TagTotals("holiday", 3, 20m, 320.50m, -300.50m), new TagTotals("shared", 1, 0m, 12m, -12m)]),
             new CurrencyTags("JPY", [new TagTotals("holiday", 1, 0m, 5000m, -5000m)])]));

        var cut = Render<TagsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("table").Count));
        var euros = cut.Find("table[aria-label='Tags in EUR']");
        Assert.Equal(["Tag", "Transactions", "Money in", "Money out", "Net"], euros.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(["holiday", "3", "+€20.00", "\u2212€320.50", "\u2212€300.50"],
            euros.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        var from = today.AddMonths(-12).AddDays(1).ToString("yyyy-MM-dd");
        Assert.Equal($"/transactions?tag=holiday&from={from}&to={today:yyyy-MM-dd}", euros.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("¥5,000", cut.Find("table[aria-label='Tags in JPY']").TextContent);
        Assert.Contains($"/api/analytics/tags?from={from}&to={today:yyyy-MM-dd}", Api.Requests.Select(r => r.PathAndQuery));

        cut.Field("From").Change(today.AddDays(1).ToString("yyyy-MM-dd"));
        Assert.Single(cut.MessagesOf("From"));
        Assert.Empty(cut.FindAll("table"));
    }
}
