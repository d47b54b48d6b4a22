using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Register;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class RegisterPageTests : WebTestContext
{
    private static readonly Account Everyday = new(1, "Everyday", AccountType.Checking, "EUR", 1000m, 2958m, false);

    // Newest first, as the Api lists them; the balance after each row comes from the account's whole history.
    private readonly List<Transaction> _rows =
    [
        Row(3, "Corner grocer", new(2026, 3, 20), -42m, 2958m),
        Row(2, "Acme Corp", new(2026, 3, 15), 2500m, 3000m),
        Row(1, "Landlord", new(2026, 3, 1), -500m, 500m) with { Cleared = true, Reconciled = true },
    ];

    private static Transaction Row(long id, string payee, DateOnly date, decimal amount, decimal balance) =>
        new(id, 1, null, date, amount, "EUR", payee, null, [], 1) { RunningBalance = balance };

    private IEnumerable<string> Sent(HttpMethod method, string prefix) =>
        Api.Requests.Where(r => r.Method == method && r.PathAndQuery.StartsWith(prefix)).Select(r => r.PathAndQuery + " " + r.Body);

    public RegisterPageTests()
    {
        Api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.OK, new[] { Everyday })
           .On(HttpMethod.Get, "/api/categories", HttpStatusCode.OK, Categories)
           .On(HttpMethod.Get, "/api/transactions", _ => FakeApi.Json(HttpStatusCode.OK, new TransactionPage(_rows, _rows.Count, [], null)))
           // The cleared balance as the Api sums it: the opening balance plus every cleared row.
           .On(HttpMethod.Get, "/api/accounts/1/reconciliation", request => FakeApi.Json(HttpStatusCode.OK, new ReconciliationStatus(
               1, "EUR", DateOnly.Parse(request.RequestUri!.Query.Split('=')[1]), Everyday.OpeningBalance + _rows.Where(r => r.Cleared).Sum(r => r.Amount),
               _rows.Count(r => r.Cleared), _rows.Count(r => !r.Cleared), new(2026, 3, 1), 500m)));
        foreach (var id in new long[] { 1, 2, 3 })
        {
            Api.On(HttpMethod.Put, $"/api/transactions/{id}/cleared", request =>
            {
                var cleared = request.Content!.ReadAsStringAsync().Result.Contains("\"cleared\":true");
                var index = _rows.FindIndex(r => r.Id == id);
                _rows[index] = _rows[index] with { Cleared = cleared, Reconciled = _rows[index].Reconciled && cleared, RunningBalance = null };
                return FakeApi.Json(HttpStatusCode.OK, _rows[index]);
            });
        }
    }

    private IRenderedComponent<Register> RenderRegister(string query = "")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/accounts/1" + query);
        var cut = Render<Register>(p => p.Add(r => r.Id, 1));
        cut.WaitForAssertion(() => Assert.Contains("Corner grocer", cut.Markup));
        return cut;
    }

    private static string[] Column(IRenderedComponent<Register> cut, string header)
    {
        var table = cut.Find("table[aria-label=Register]");
        var index = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList().IndexOf(header);
        return table.QuerySelectorAll("tbody tr").Select(tr => tr.Children[index].TextContent.Trim()).ToArray();
    }

    [Fact]
    public void TheRegisterShowsTheAccountAndTheBalanceAfterEachRow()
    {
        var cut = RenderRegister();

        Assert.Equal("Everyday", cut.Find("h1").TextContent.Trim());
        Assert.Contains("€2,958.00", cut.Find("dl.summary").TextContent);
        Assert.Equal(["Date", "Payee", "Category", "Amount", "Balance", "Cleared"],
            cut.FindAll("table[aria-label=Register] thead th").Select(th => th.TextContent.Trim()).ToArray());
        Assert.Equal(["€2,958.00", "€3,000.00", "€500.00"], Column(cut, "Balance"));
        Assert.Contains("accountId=1", Assert.Single(Sent(HttpMethod.Get, "/api/transactions")));
    }

    [Fact]
    public void TheRegisterIsAGridOfGridcells()
    {
        var table = RenderRegister().Find("table[aria-label=Register]");

        Assert.Equal("grid", table.GetAttribute("role"));
        Assert.All(table.QuerySelectorAll("tbody td"), td => Assert.Equal("gridcell", td.GetAttribute("role")));
        Assert.Equal(3, table.QuerySelectorAll("tbody [data-row-open]").Length);
    }

    [Fact]
    public void TickingClearedSavesItAtOnce()
    {
        var cut = RenderRegister();

        cut.Find("input[aria-label='Cleared: Acme Corp 15 Mar 2026']").Change(true);

        cut.WaitForAssertion(() => Assert.Contains("{\"cleared\":true,\"confirmReconciled\":false}", Assert.Single(Sent(HttpMethod.Put, "/api/transactions/2/cleared"))));
        cut.WaitForAssertion(() => Assert.Contains("€3,000.00", cut.Find("dl.summary").TextContent));
    }

    [Fact]
    public void UnTickingAReconciledRowAsksFirst()
    {
        var dialogs = Render<FluentDialogProvider>();
        var cut = RenderRegister();
        Assert.NotNull(cut.Find("tr.reconciled [role=img][aria-label=Reconciled]"));

        cut.Find("input[aria-label='Cleared: Landlord 1 Mar 2026']").Change(false);
        dialogs.WaitForAssertion(() => Assert.Contains("This transaction is reconciled with a bank statement.", dialogs.Markup));
        Assert.Empty(Sent(HttpMethod.Put, "/api/transactions/1/cleared"));
        dialogs.Button("Un-clear").Click();

        cut.WaitForAssertion(() => Assert.Contains("\"confirmReconciled\":true", Assert.Single(Sent(HttpMethod.Put, "/api/transactions/1/cleared"))));
    }

    [Fact]
    public void FinishIsThereOnlyWhenTheDifferenceIsZero()
    {
        Api.On(HttpMethod.Post, "/api/accounts/1/reconcile", HttpStatusCode.OK, new ReconcileResult(1, new(2026, 3, 31), 3000m, 2));
        var cut = RenderRegister();
        cut.Button("Reconcile").Click();
        var panel = cut.WaitForElement("section[role=dialog]");
        Assert.Equal("Reconcile Everyday", cut.Find("#" + panel.GetAttribute("aria-labelledby")).TextContent.Trim());
        cut.Field("Statement date").Change("2026-03-31");
        cut.Field("Closing balance").Input("3000");

        // Opening 1,000 and the reconciled rent −500 are cleared: 2,500 short of the statement.
        cut.WaitForAssertion(() => Assert.Contains("€2,500.00", cut.Find(".difference").TextContent));
        Assert.Equal("true", cut.Button("Finish").GetAttribute("aria-disabled"));
        Assert.Equal(["Cleared: Corner grocer 20 Mar 2026", "Cleared: Acme Corp 15 Mar 2026"],
            cut.FindAll("section[role=dialog] input[type=checkbox]").Select(c => c.GetAttribute("aria-label")).ToArray());

        cut.Find("section[role=dialog] input[aria-label='Cleared: Acme Corp 15 Mar 2026']").Change(true);
        cut.WaitForAssertion(() => Assert.Contains("€0.00", cut.Find(".difference").TextContent));
        Assert.Null(cut.Button("Finish").GetAttribute("aria-disabled"));
        cut.Button("Finish").Click();

        cut.WaitForAssertion(() => Assert.Contains("Reconciled 2 transactions to the statement of 31 Mar 2026", cut.Markup));
        Assert.Contains("{\"statementDate\":\"2026-03-31\",\"statementBalance\":3000", Assert.Single(Sent(HttpMethod.Post, "/api/accounts/1/reconcile")));
        Assert.Empty(cut.FindAll("section[role=dialog]"));
    }

    [Fact]
    public void FiltersAndThePageLiveInTheUrl()
    {
        var cut = RenderRegister("?from=2026-03-10&q=acme");
        var navigation = Services.GetRequiredService<NavigationManager>();

        Assert.Contains("from=2026-03-10&q=acme", Sent(HttpMethod.Get, "/api/transactions").Last());
        Assert.Equal("2026-03-10", cut.Field("From").GetAttribute("value"));
        Assert.Equal("acme", cut.Field("Search").GetAttribute("value"));

        cut.Field("To").Change("2026-03-31");
        cut.WaitForAssertion(() => Assert.EndsWith("/accounts/1?from=2026-03-10&to=2026-03-31&q=acme", navigation.Uri));
        Assert.Contains("to=2026-03-31", Sent(HttpMethod.Get, "/api/transactions").Last());

        cut.Field("From").Change("2026-04-01");
        cut.WaitForAssertion(() => Assert.Contains("To must be on or after From.", cut.Markup));
    }
}
