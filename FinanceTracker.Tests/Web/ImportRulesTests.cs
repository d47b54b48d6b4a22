using System.Net;
using System.Text.Json;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Import;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Tests.Web;

public sealed class ImportRulesTests : ImportTestContext
{
    private static readonly ImportRuleResponse Netflix = new(1, RuleMatch.Contains, "NETFLIX", Salary.Id, "Netflix", "streaming", 1);
    private static readonly ImportRuleResponse AhRule = new(2, RuleMatch.Matches, "^AH [0-9]+$", Groceries.Id, null, null, 2);

    public ImportRulesTests() =>
        Api.On(HttpMethod.Get, "/api/import-rules", HttpStatusCode.OK, new[] { AhRule, Netflix });

    private (IRenderedComponent<FluentDialogProvider> Dialogs, IRenderedComponent<RulesPage> Page) Open()
    {
        var dialogs = Render<FluentDialogProvider>();
        var cut = Render<RulesPage>();
        cut.WaitForAssertion(() => Assert.Contains("NETFLIX", cut.Markup));
        return (dialogs, cut);
    }

    private JsonElement SentBody(HttpMethod method, string path) =>
        JsonDocument.Parse(Api.Requests.Single(r => r.Method == method && r.PathAndQuery == path).Body!).RootElement;

    [Fact]
    public void RulesAreListedInTheOrderTheyApplyWithTheirCategory()
    {
        var (_, cut) = Open();

        var table = cut.Find("table[aria-label='Import rules']");
        Assert.Equal(["When the payee", "Category", "Rename to", "Tag", "Actions"],
            table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToArray());
        var rows = table.QuerySelectorAll("tbody tr");
        Assert.Contains("contains “NETFLIX”", rows[0].TextContent);
        Assert.Contains("Salary", rows[0].TextContent);
        Assert.Contains("streaming", rows[0].TextContent);
        Assert.Contains("matches the pattern “^AH [0-9]+$”", rows[1].TextContent);
        Assert.Contains("Groceries", rows[1].TextContent);
    }

    [Fact]
    public void AddingARuleSendsEveryField()
    {
        Api.On(HttpMethod.Post, "/api/import-rules", HttpStatusCode.Created, new ImportRuleResponse(3, RuleMatch.Equals, "SHELL 123", null, "Shell", "fuel", 3));
        var (dialogs, cut) = Open();

        cut.Button("Add rule").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("New import rule", dialogs.Markup));
        dialogs.Field("When the payee").Change("Equals");
        dialogs.Field("Pattern").Change("SHELL 123");
        dialogs.Field("Set category").Change(Groceries.Id.ToString());
        dialogs.Field("Rename payee to").Change("Shell");
        dialogs.Field("Add tag").Change("fuel");
        dialogs.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post));
        var sent = SentBody(HttpMethod.Post, "/api/import-rules");
        Assert.Equal("equals", sent.GetProperty("match").GetString());
        Assert.Equal("SHELL 123", sent.GetProperty("pattern").GetString());
        Assert.Equal(Groceries.Id, sent.GetProperty("categoryId").GetInt64());
        Assert.Equal("Shell", sent.GetProperty("renamePayee").GetString());
        Assert.Equal("fuel", sent.GetProperty("addTag").GetString());
    }

    [Fact]
    public void APatternIsRequiredAndTheApisFieldErrorsShowBesideTheFields()
    {
        Api.On(HttpMethod.Post, "/api/import-rules", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["pattern"] = ["This is not a valid regular expression."] }));
        var (dialogs, cut) = Open();
        cut.Button("Add rule").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("New import rule", dialogs.Markup));

        dialogs.Button("Save").Click();
        Assert.Contains("Enter the text to look for in the payee.", dialogs.MessagesOf("Pattern"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);

        dialogs.Field("When the payee").Change("Matches");
        dialogs.Field("Pattern").Change("([");
        dialogs.Button("Save").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("This is not a valid regular expression.", dialogs.MessagesOf("Pattern")));
    }

    [Fact]
    public void EditingARuleKeepsItsPosition()
    {
        Api.On(HttpMethod.Put, "/api/import-rules/1", HttpStatusCode.OK, Netflix with { Pattern = "NETFLIX.COM" });
        var (dialogs, cut) = Open();

        cut.Button("Edit rule NETFLIX").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Edit import rule", dialogs.Markup));
        Assert.Equal("NETFLIX", dialogs.Field("Pattern").GetAttribute("value"));
        dialogs.Field("Pattern").Change("NETFLIX.COM");
        dialogs.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Put));
        var sent = SentBody(HttpMethod.Put, "/api/import-rules/1");
        Assert.Equal("NETFLIX.COM", sent.GetProperty("pattern").GetString());
        Assert.Equal(1, sent.GetProperty("position").GetInt32());
        Assert.Equal("contains", sent.GetProperty("match").GetString());
    }

    [Fact]
    public void DeletingARuleAsksFirst()
    {
        Api.On(HttpMethod.Delete, "/api/import-rules/2", HttpStatusCode.NoContent);
        var (dialogs, cut) = Open();

        cut.Button("Delete rule ^AH [0-9]+$").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this rule?", dialogs.Markup));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Delete);
        dialogs.FindAll("fluent-button").Last(b => b.TextContent.Trim() == "Delete").Click();

        cut.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/api/import-rules/2"));
    }
}
