using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Transactions;

namespace FinanceTracker.Tests.Web;

/// <summary>The transaction form's Transfer and Split modes.</summary>
public sealed class TransactionFormModesTests : WebTestContext
{
    private TransactionFormModel? _submitted;

    private IRenderedComponent<TransactionForm> RenderNew() =>
        Render<TransactionForm>(p => p
            .Add(f => f.Model, TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)))
            .Add(f => f.Accounts, Accounts)
            .Add(f => f.Categories, Categories)
            .Add(f => f.OnValidSubmit, m => _submitted = m));

    private static void ChooseMode(IRenderedComponent<TransactionForm> cut, string mode) =>
        cut.FindAll(".mode label").Single(l => l.TextContent.Trim() == mode).QuerySelector("input")!.Change(true);

    [Fact]
    public void TransferModeAsksForTheAmountReceivedOnlyWhenTheCurrenciesDiffer()
    {
        var cut = RenderNew();
        ChooseMode(cut, "Transfer");

        Assert.Empty(cut.FindAll(".direction"));
        Assert.DoesNotContain(cut.FindAll("label"), l => l.TextContent.Trim() == "Category");
        cut.Field("Amount").Change("100");
        cut.Button("Save").Click();
        Assert.Contains("Choose the other account the money goes to.", cut.MessagesOf("To account"));

        cut.Field("To account").Change(YenWallet.Id.ToString());
        cut.Button("Save").Click();
        Assert.Contains("Enter the amount in JPY that arrived.", cut.MessagesOf("Amount received (JPY)"));
        Assert.Null(_submitted);

        cut.Field("Amount received (JPY)").Change("16000");
        cut.Button("Save").Click();

        Assert.NotNull(_submitted);
        Assert.Equal(new CreateTransferRequest(Checking.Id, YenWallet.Id, new DateOnly(2026, 11, 20), 100m, 16000m, null, null), _submitted.ToTransfer());
        Assert.Contains("Will move", cut.Find(".preview").TextContent);
    }

    [Fact]
    public void SplitModeShowsWhatIsLeftAndRefusesToSaveUntilItIsZero()
    {
        var cut = RenderNew();
        cut.Field("Amount").Change("100");
        ChooseMode(cut, "Split");

        Assert.Equal("100", cut.Field("Part 1 amount").GetAttribute("value"));
        cut.Field("Part 1 amount").Change("60");
        cut.Field("Part 1 category").Change(Groceries.Id.ToString());
        Assert.Contains("left to assign", cut.Find(".remainder").TextContent);
        Assert.Contains("40", cut.Find(".remainder").TextContent);
        cut.Button("Save").Click();
        Assert.Null(_submitted);
        Assert.Contains("The parts must add up to the amount exactly.", cut.Find(".split-editor").TextContent);

        cut.Field("Part 2 amount").Change("40");
        cut.Field("Part 2 notes").Change("snacks");
        Assert.Equal("Fully assigned.", cut.Find(".remainder").TextContent.Trim());
        cut.Button("Save").Click();

        Assert.NotNull(_submitted);
        var request = _submitted.ToCreate();
        Assert.Null(request.CategoryId);
        Assert.Equal([new TransactionSplit(Groceries.Id, -60m, null), new TransactionSplit(null, -40m, "snacks")], request.Splits);
    }

    [Fact]
    public void ASavedSplitOpensInSplitModeWithItsParts()
    {
        var existing = new Transaction(7, Checking.Id, null, new DateOnly(2026, 11, 20), -10m, "EUR", "Shop", "", [], 2)
        {
            Splits = [new TransactionSplit(Groceries.Id, -7m, "food"), new TransactionSplit(null, -3m, null)],
        };

        var model = TransactionFormModel.From(existing);
        var cut = Render<TransactionForm>(p => p.Add(f => f.Model, model).Add(f => f.Accounts, Accounts).Add(f => f.Categories, Categories));

        Assert.Equal(("7.00", "3.00"), (cut.Field("Part 1 amount").GetAttribute("value"), cut.Field("Part 2 amount").GetAttribute("value")));
        Assert.Equal([new TransactionSplit(Groceries.Id, -7m, "food"), new TransactionSplit(null, -3m, null)], model.ToUpdate().Splits);
    }
}
