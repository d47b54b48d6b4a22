using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using RecurringPage = FinanceTracker.Web.Components.Pages.Recurring.Recurring;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class RecurringPageTests : WebTestContext
{
    private static readonly RecurringRule Rent = new(
        5, Checking.Id, Groceries.Id, -950m, "EUR", "Landlord", null, RecurringFrequency.Monthly, 1, RecurringDay.Of(31),
        new DateOnly(2026, 1, 31), null, null, new DateOnly(2027, 2, 28), new DateOnly(2026, 1, 31), 11);

    private static readonly RecurringSuggestion Netflix = new(
        "NETFLIX", -15.99m, "EUR", RecurringFrequency.Monthly, 1, RecurringDay.Of(15), new DateOnly(2027, 1, 15), new DateOnly(2027, 2, 15), 4, Checking.Id, null);

    public RecurringPageTests()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, Accounts)
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/recurring", HttpStatusCode.OK, new[] { Rent })
           .On(HttpMethod.Get, "/api/recurring/upcoming", HttpStatusCode.OK,
               new[] { new UpcomingOccurrence(Rent.Id, new DateOnly(2027, 2, 28), -950m, "EUR", "Landlord", Checking.Id, Groceries.Id) })
           .On(HttpMethod.Get, "/api/recurring/suggestions", HttpStatusCode.OK, new[] { Netflix });
    }

    private static string[] Headers(AngleSharp.Dom.IElement table) =>
        table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray();

    [Fact]
    public void ShowsTheRulesWithNextDatesTheNext30DaysAndTheSuggestions()
    {
        var cut = Render<RecurringPage>();
        cut.WaitForAssertion(() => Assert.Contains("Landlord", cut.Markup));

        Assert.Equal(["Rules", "Next 30 days", "Suggestions"], cut.FindAll("h2").Select(h => h.TextContent.Trim()));
        var rules = cut.Find("table[aria-label='Recurring rules']");
        Assert.Equal(["Payee", "Repeats", "Next date", "Account", "Amount"], Headers(rules));
        Assert.Contains("Every month on the 31st", rules.TextContent);
        Assert.Contains("28 Feb 2027", rules.TextContent);
        var upcoming = cut.Find("table[aria-label='Upcoming in the next 30 days']");
        Assert.Equal(["Date", "Payee", "Account", "Amount"], Headers(upcoming));
        Assert.Contains("Sun 28 Feb", upcoming.TextContent);
        var suggestion = cut.Find("ul[aria-label='Suggested rules'] li");
        Assert.Matches(@"You pay\s+NETFLIX\s+every month,", suggestion.TextContent);
        Assert.Contains("/api/recurring/upcoming?days=30", Api.Requests.Select(r => r.PathAndQuery));
    }

    [Fact]
    public void MakeItARuleOpensTheFormFilledFromTheSuggestionAndSavesIt()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Post, "/api/recurring", HttpStatusCode.Created, Rent with { Id = 6, Payee = "NETFLIX" });
        var cut = Render<RecurringPage>();
        cut.WaitForAssertion(() => Assert.Contains("NETFLIX", cut.Markup));

        cut.Button("Make it a rule").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("NETFLIX", dialogs.Field("Payee").GetAttribute("value")));
        Assert.Equal("15.99", dialogs.Field("Amount").GetAttribute("value"));
        Assert.Equal("2027-02-15", dialogs.Field("First date").GetAttribute("value"));
        dialogs.Button("Save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Post));
        using var sent = JsonDocument.Parse(Api.Requests.Single(r => r.Method == HttpMethod.Post).Body!);
        var body = sent.RootElement;
        Assert.Equal((-15.99m, "NETFLIX", "monthly", 1, 15, "2027-02-15"), (body.GetProperty("amount").GetDecimal(), body.GetProperty("payee").GetString(),
            body.GetProperty("frequency").GetString(), body.GetProperty("interval").GetInt32(), body.GetProperty("dayOfMonth").GetInt32(), body.GetProperty("startDate").GetString()));
    }

    [Fact]
    public void TheApisFieldErrorsShowBesideTheFields()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Post, "/api/recurring", _ => FakeApi.Problem(HttpStatusCode.BadRequest, "One or more validation errors occurred.",
            errors: new() { ["interval"] = ["'interval' must be between 1 and 366."] }));
        var cut = Render<RecurringPage>();
        cut.WaitForAssertion(() => Assert.Contains("Landlord", cut.Markup));

        cut.Button("Add rule").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Save")));
        dialogs.Field("Payee").Change("Gym");
        dialogs.Field("Amount").Change("30");
        dialogs.Button("Save").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("'interval' must be between 1 and 366.", dialogs.MessagesOf("Every")));
    }

    [Fact]
    public void DeletingARuleAsksFirstAndOnlyThenDeletes()
    {
        var dialogs = Render<FluentDialogProvider>();
        Api.On(HttpMethod.Delete, "/api/recurring/5", HttpStatusCode.NoContent);
        var cut = Render<RecurringPage>();
        cut.WaitForAssertion(() => Assert.Contains("Landlord", cut.Markup));

        cut.Button("Landlord").Click();
        dialogs.WaitForAssertion(() => Assert.True(dialogs.HasButton("Delete")));
        dialogs.Button("Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete the rule for \"Landlord\"?", dialogs.Markup));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Delete);

        dialogs.Button("Delete").Click();
        dialogs.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/api/recurring/5"));
    }
}
