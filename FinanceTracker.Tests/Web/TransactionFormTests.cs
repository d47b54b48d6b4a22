using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;

namespace FinanceTracker.Tests.Web;

public sealed class TransactionFormTests : WebTestContext
{
    private TransactionFormModel? _submitted;

    private IRenderedComponent<TransactionForm> RenderForm(TransactionFormModel model, bool editing = false) =>
        Render<TransactionForm>(p =>
        {
            p.Add(f => f.Model, model)
             .Add(f => f.Accounts, Accounts)
             .Add(f => f.Categories, Categories)
             .Add(f => f.OnValidSubmit, m => _submitted = m);
            if (editing)
            {
                p.Add(f => f.OnDelete, () => { });
            }
        });

    [Fact]
    public void ShowsValidationMessagesNextToTheFields()
    {
        var cut = RenderForm(new TransactionFormModel { AccountId = Checking.Id });

        cut.Button("Save").Click();

        Assert.Contains("Enter an amount.", cut.MessagesOf("Amount"));
        Assert.Contains("Enter a date.", cut.MessagesOf("Date"));
        Assert.Empty(cut.MessagesOf("Payee"));
        Assert.Null(_submitted);
    }

    [Fact]
    public void RejectsMoreDecimalsThanTheAccountsCurrencyHas()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(YenWallet.Id, new DateOnly(2026, 11, 20)));

        cut.Field("Amount").Change("12.5");
        cut.Button("Save").Click();

        Assert.Contains("JPY amounts have no decimals.", cut.MessagesOf("Amount"));
        Assert.Null(_submitted);
    }

    [Fact]
    public void PrefillsEveryFieldWhenEditing()
    {
        var existing = new Transaction(7, Checking.Id, Groceries.Id, new DateOnly(2026, 11, 20), -42.10m, "EUR",
            "Corner grocer", "Weekly shop", ["food", "weekly"], 3);

        var cut = RenderForm(TransactionFormModel.From(existing), editing: true);

        Assert.Equal(Checking.Id.ToString(), cut.Field("Account").GetAttribute("value"));
        Assert.Equal("2026-11-20", cut.Field("Date").GetAttribute("value"));
        Assert.Equal("42.10", cut.Field("Amount").GetAttribute("value"));
        Assert.Equal(Groceries.Id.ToString(), cut.Field("Category").GetAttribute("value"));
        Assert.Equal("Corner grocer", cut.Field("Payee").GetAttribute("value"));
        Assert.Equal("Weekly shop", cut.Field("Notes").GetAttribute("value") ?? cut.Field("Notes").TextContent);
        Assert.Equal("food, weekly", cut.Field("Tags").GetAttribute("value"));
        Assert.Contains("out", cut.Find(".direction .selected").ClassList);
        Assert.True(cut.HasButton("Delete"));
    }

    [Fact]
    public void OffersNoDeleteForANewTransaction()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));

        Assert.False(cut.HasButton("Delete"));
    }

    [Fact]
    public void ChoosingAnIncomeCategoryMakesItMoneyIn()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));

        cut.Field("Amount").Change("2500");
        cut.Field("Category").Change(Salary.Id.ToString());
        cut.Button("Save").Click();

        Assert.Equal(2500m, _submitted?.SignedAmount);
        Assert.Equal(Salary.Id, _submitted?.CategoryId);
    }

    [Fact]
    public void AnExpenseIsSavedAsMoneyOutEvenWithoutAMinusSign()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));

        cut.Field("Amount").Change("42.10");
        cut.Field("Category").Change(Groceries.Id.ToString());
        cut.Field("Payee").Change("Corner grocer");
        cut.Field("Tags").Change("food, weekly, food");
        cut.Button("Save").Click();

        var request = _submitted!.ToCreate();
        Assert.Equal(-42.10m, request.Amount);
        Assert.Equal("Corner grocer", request.Payee);
        Assert.Equal(["food", "weekly"], request.Tags);
    }

    [Fact]
    public void ATypedSignWinsOverTheCategory()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));

        cut.Field("Category").Change(Salary.Id.ToString());
        cut.Field("Amount").Change("-15");
        cut.Button("Save").Click();

        Assert.Equal(-15m, _submitted?.SignedAmount);
    }

    [Fact]
    public async Task ShowsTheApisFieldErrorsBesideTheFields()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));
        var problem = new ApiException(HttpStatusCode.BadRequest, "One or more validation errors occurred.", null,
            new Dictionary<string, string[]>
            {
                ["payee"] = ["The payee is too long."],
                ["tags[2]"] = ["Tags are at most 50 characters."],
                ["somethingElse"] = ["Not tied to a field."],
            });

        var unmatched = await cut.InvokeAsync(() => cut.Instance.ShowServerErrors(problem));

        Assert.Contains("The payee is too long.", cut.MessagesOf("Payee"));
        Assert.Contains("Tags are at most 50 characters.", cut.MessagesOf("Tags"));
        Assert.Equal(["Not tied to a field."], unmatched);
    }

    [Fact]
    public async Task AServerErrorClearsOnceThePersonEditsThatField()
    {
        var cut = RenderForm(TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)));
        var problem = new ApiException(HttpStatusCode.BadRequest, "Invalid", null,
            new Dictionary<string, string[]> { ["payee"] = ["The payee is too long."] });
        await cut.InvokeAsync(() => cut.Instance.ShowServerErrors(problem));

        cut.Field("Payee").Change("Shorter");

        Assert.Empty(cut.MessagesOf("Payee"));
    }
}
