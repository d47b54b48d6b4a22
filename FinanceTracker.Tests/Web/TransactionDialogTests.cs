using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;

namespace FinanceTracker.Tests.Web;

public sealed class TransactionDialogTests : WebTestContext
{
    private static readonly Transaction Stored = new(
        7, 1, 10, new DateOnly(2026, 11, 20), -42.10m, "EUR", "Corner grocer", null, [], 3);

    private IRenderedComponent<TransactionDialog> RenderDialog(Transaction? transaction) =>
        Render<TransactionDialog>(p => p
            .Add(d => d.Transaction, transaction)
            .Add(d => d.Accounts, Accounts)
            .Add(d => d.Categories, Categories));

    [Fact]
    public void ANewTransactionDefaultsToTodayAndTheFirstAccount()
    {
        var cut = RenderDialog(null);

        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd"), cut.Field("Date").GetAttribute("value"));
        Assert.Equal(Checking.Id.ToString(), cut.Field("Account").GetAttribute("value"));
    }

    [Fact]
    public void ShowsTheApisValidationErrorsBesideTheFields()
    {
        Api.On(HttpMethod.Post, "/api/transactions", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["amount"] = ["EUR amounts have at most 2 decimal places."] }));
        var cut = RenderDialog(null);

        cut.Field("Amount").Change("10");
        cut.Button("Save").Click();

        cut.WaitForAssertion(() =>
            Assert.Contains("EUR amounts have at most 2 decimal places.", cut.MessagesOf("Amount")));
    }

    [Fact]
    public void AStaleEditSaysTheRowChangedAndShowsItsCurrentValues()
    {
        var current = Stored with { Amount = -50m, Payee = "Corner grocer (corrected)", Version = 4 };
        Api.On(HttpMethod.Put, "/api/transactions/7", _ => FakeApi.Problem(HttpStatusCode.Conflict,
                "The transaction was changed by someone else", "It changed since you read it."))
           .On(HttpMethod.Get, "/api/transactions/7", HttpStatusCode.OK, current);
        var cut = RenderDialog(Stored);

        cut.Field("Payee").Change("My edit");
        cut.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("Changed elsewhere", cut.Markup));
        Assert.Equal("50.00", cut.Field("Amount").GetAttribute("value"));
        Assert.Equal("Corner grocer (corrected)", cut.Field("Payee").GetAttribute("value"));

        // Saving again sends the version just read, so the person's retry can succeed.
        Api.On(HttpMethod.Put, "/api/transactions/7", HttpStatusCode.OK, current with { Version = 5 });
        cut.Button("Save").Click();
        cut.WaitForAssertion(() => Assert.Contains("\"version\":4", Api.Requests.Last().Body));
    }

    [Fact]
    public void SaysSoWhenTheApiIsDown()
    {
        Api.On(HttpMethod.Post, "/api/transactions", _ => throw new HttpRequestException("Connection refused"));
        var cut = RenderDialog(null);

        cut.Field("Amount").Change("10");
        cut.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Contains("can't reach the FinanceTracker service", cut.Markup));
    }
    [Fact]
    public void ChangingAReconciledRowAsksFirstAndThenConfirms()
    {
        Api.On(HttpMethod.Put, "/api/transactions/7", HttpStatusCode.OK, Stored with { Version = 4 });
        var cut = RenderDialog(Stored with { Cleared = true, Reconciled = true });

        cut.Field("Payee").Change("Corner grocer (corrected)");
        cut.Button("Save").Click();
        cut.WaitForAssertion(() => Assert.Contains("This transaction is reconciled with a bank statement. Change it anyway?", cut.Markup));
        Assert.Equal("alertdialog", cut.Find(".reconciled-question").GetAttribute("role"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Put);

        cut.Button("Change it anyway").Click();
        cut.WaitForAssertion(() => Assert.Contains("\"confirmReconciled\":true", Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put).Body));
    }

    [Fact]
    public void ARowReconciledElsewhereMeanwhileAsksBeforeSaving()
    {
        Api.On(HttpMethod.Put, "/api/transactions/7", request => request.Content!.ReadAsStringAsync().Result.Contains("\"confirmReconciled\":true")
            ? FakeApi.Json(HttpStatusCode.OK, Stored with { Version = 4 })
            : FakeApi.Problem(HttpStatusCode.Conflict, "Conflict", "This transaction is reconciled with a bank statement.",
                new() { ["confirmReconciled"] = ["Send confirmReconciled: true to change it anyway."] }));
        var cut = RenderDialog(Stored);

        cut.Button("Save").Click();
        cut.WaitForAssertion(() => Assert.Contains("Change it anyway?", cut.Markup));
        Assert.DoesNotContain("Changed elsewhere", cut.Markup);

        cut.Button("Change it anyway").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count(r => r.Method == HttpMethod.Put)));
    }
}
