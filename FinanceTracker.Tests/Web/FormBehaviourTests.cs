using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Recurring;
using FinanceTracker.Web.Components.Pages.Transactions;

namespace FinanceTracker.Tests.Web;

/// <summary>Forms behave: a cleared date is an error, the preview promises only what a save stores, far dates and leaving ask first.</summary>
public sealed class FormBehaviourTests : WebTestContext
{
    private TransactionFormModel? _submitted;

    private IRenderedComponent<TransactionForm> RenderForm(TransactionFormModel model) =>
        Render<TransactionForm>(p => p
            .Add(f => f.Model, model)
            .Add(f => f.Accounts, Accounts)
            .Add(f => f.Categories, Categories)
            .Add(f => f.OnValidSubmit, m => _submitted = m));

    private IRenderedComponent<TransactionDialog> RenderDialog() =>
        Render<TransactionDialog>(p => p.Add(d => d.Accounts, Accounts).Add(d => d.Categories, Categories));

    [Fact]
    public void AClearedTransactionDateIsAnErrorOnTheFieldAndNothingIsSaved()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));
        cut.Field("Amount").Change("12");

        cut.Field("Date").Change("");
        cut.Button("Save").Click();

        Assert.Equal(["Enter a date."], cut.MessagesOf("Date"));
        Assert.Equal("true", cut.Field("Date").GetAttribute("aria-invalid"));
        Assert.Null(_submitted);
    }

    [Fact]
    public void AClearedRecurringFirstDateIsAnErrorOnTheField()
    {
        var cut = Render<RecurringDialog>(p => p.Add(d => d.Accounts, Accounts).Add(d => d.Categories, Categories));
        cut.Field("Amount").Change("12");
        cut.Field("Payee").Change("Landlord");

        cut.Field("First date").Change("");
        cut.Button("Save").Click();

        Assert.Equal(["Enter a date."], cut.MessagesOf("First date"));
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);
    }

    /// <summary>Whatever is typed, the preview shows exactly the amount a save sends, and nothing when the save is refused.</summary>
    [Theory]
    [InlineData("42.10", false, -42.10)]
    [InlineData("42.10", true, 42.10)]
    [InlineData("12.345", false, null)]
    [InlineData("0", false, null)]
    [InlineData("0.00", true, null)]
    [InlineData("-42", true, -42.0)]
    [InlineData("+7", false, 7.0)]
    [InlineData("abc", false, null)]
    [InlineData("1000000000000", false, null)]
    [InlineData("999999999999.99", false, -999999999999.99)]
    public void ThePreviewAgreesWithWhatSavingDoes(string typed, bool moneyIn, double? saved)
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));
        if (moneyIn)
        {
            cut.FindAll(".direction label").Single(l => l.TextContent.Trim() == "Money in").QuerySelector("input")!.Change(true);
        }

        cut.Field("Amount").Change(typed);
        var preview = cut.FindAll(".preview").SingleOrDefault()?.TextContent;
        cut.Button("Save").Click();

        Assert.Equal(saved is null ? null : (decimal)saved.Value, _submitted?.ToCreate().Amount);
        if (saved is null)
        {
            Assert.Null(preview);
            Assert.NotEmpty(cut.MessagesOf("Amount"));
        }
        else
        {
            Assert.NotNull(preview);
            Assert.Contains(saved < 0 ? "money out" : "money in", preview);
            Assert.Contains(Math.Abs(saved.Value).ToString("N2", System.Globalization.CultureInfo.GetCultureInfo("en-US")), preview);
        }
    }

    [Fact]
    public void ASignedAmountSetsTheDirectionAndLeavesTheTextSoTheSwitchDecidesAfterwards()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));

        cut.Field("Amount").Change("-42");
        Assert.Equal("42", cut.Field("Amount").GetAttribute("value"));
        Assert.Contains("money out", cut.Find(".preview").TextContent);

        cut.FindAll(".direction label").Single(l => l.TextContent.Trim() == "Money in").QuerySelector("input")!.Change(true);
        Assert.Contains("money in", cut.Find(".preview").TextContent);
        cut.Button("Save").Click();
        Assert.Equal(42m, _submitted!.ToCreate().Amount);
    }

    [Fact]
    public void ASplitThatDoesNotAddUpHasNoPreview()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));
        cut.Field("Amount").Change("100");
        cut.FindAll(".mode label").Single(l => l.TextContent.Trim() == "Split").QuerySelector("input")!.Change(true);

        cut.Field("Part 1 amount").Change("60");

        Assert.Empty(cut.FindAll(".preview"));
        cut.Field("Part 2 amount").Change("40");
        Assert.Contains("100.00", cut.Find(".preview").TextContent);
    }

    [Fact]
    public void ADateMoreThanAYearAheadAsksBeforeSaving()
    {
        Api.On(HttpMethod.Post, "/api/transactions", HttpStatusCode.Created,
            new Transaction(9, Checking.Id, null, new DateOnly(2030, 1, 1), -5m, "EUR", null, null, [], 1));
        var cut = RenderDialog();
        cut.Field("Amount").Change("5");
        cut.Field("Date").Change(DateTime.Today.AddYears(2).ToString("yyyy-MM-dd"));

        cut.Button("Save").Click();

        var question = cut.Find("[role=alertdialog]");
        Assert.Contains("more than a year ahead", question.TextContent);
        Assert.DoesNotContain(Api.Requests, r => r.Method == HttpMethod.Post);

        cut.Button("Save anyway").Click();
        cut.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post));
    }

    [Fact]
    public void ADateWithinAYearSavesWithoutAsking()
    {
        Api.On(HttpMethod.Post, "/api/transactions", HttpStatusCode.Created,
            new Transaction(9, Checking.Id, null, new DateOnly(2030, 1, 1), -5m, "EUR", null, null, [], 1));
        var cut = RenderDialog();
        cut.Field("Amount").Change("5");
        cut.Field("Date").Change(DateTime.Today.AddMonths(11).ToString("yyyy-MM-dd"));

        cut.Button("Save").Click();

        cut.WaitForAssertion(() => Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post));
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
    }

    [Fact]
    public void CancellingWithUnsavedInputAsksAndKeepEditingKeepsIt()
    {
        var cut = RenderDialog();
        cut.Field("Payee").Change("Corner grocer");

        cut.Button("Cancel").Click();

        Assert.Contains("Discard your changes?", cut.Find("[role=alertdialog]").TextContent);
        cut.Button("Keep editing").Click();
        Assert.Empty(cut.FindAll("[role=alertdialog]"));
        Assert.Equal("Corner grocer", cut.Field("Payee").GetAttribute("value"));
    }

    [Fact]
    public void CancellingWithNothingChangedDoesNotAsk()
    {
        var cut = RenderDialog();
        cut.Field("Payee").Change("Corner grocer");
        cut.Field("Payee").Change("");

        cut.Button("Cancel").Click();

        Assert.Empty(cut.FindAll("[role=alertdialog]"));
    }
}
