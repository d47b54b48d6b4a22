using System.Net;
using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Categories;
using FinanceTracker.Web.Components.Pages.Transactions;
using FinanceTracker.Web.Components.Shared;

namespace FinanceTracker.Tests.Web;

/// <summary>Subcategories show their nesting in every picker; deleting a category is one dialog.</summary>
public sealed class CategoryPickerTests : WebTestContext
{
    private static readonly Category Food = new(30, "Food", CategoryKind.Expense, null, null);
    private static readonly Category Supermarket = new(31, "Supermarket", CategoryKind.Expense, Food.Id, null);
    private static readonly Category Bakery = new(32, "Bakery", CategoryKind.Expense, Food.Id, null);
    private static readonly Category Bonus = new(33, "Bonus", CategoryKind.Income, Salary.Id, null);

    private static IReadOnlyList<Category> Nested => [Supermarket, Salary, Bonus, Food, Groceries, Bakery];

    [Fact]
    public void SubcategoriesFollowTheirParentAndNameIt()
    {
        var cut = Render<CategoryOptions>(p => p.Add(o => o.Categories, Nested));

        var groups = cut.FindAll("optgroup").Select(g => g.GetAttribute("label") + ": " + string.Join(" | ", g.QuerySelectorAll("option").Select(o => o.TextContent)));

        Assert.Equal(["Expenses: Food | Food › Bakery | Food › Supermarket | Groceries", "Income: Salary | Salary › Bonus"], groups);
    }

    [Fact]
    public void TheTransactionFormsCategoryPickerShowsTheNesting()
    {
        var cut = Render<TransactionForm>(p => p
            .Add(f => f.Model, TransactionFormModel.ForNew(Checking.Id, new DateOnly(2026, 11, 20)))
            .Add(f => f.Accounts, Accounts)
            .Add(f => f.Categories, Nested));

        var options = cut.Field("Category").QuerySelectorAll("option").Select(o => o.TextContent).ToList();

        Assert.Contains("Food › Supermarket", options);
        Assert.Equal(options.IndexOf("Food") + 1, options.IndexOf("Food › Bakery"));
    }

    [Fact]
    public void DeletingACategorySaysWhatUsesItAndMovesItsTransactionsToTheChosenOne()
    {
        Api.On(HttpMethod.Get, $"/api/categories/{Food.Id}/usage", HttpStatusCode.OK, new CategoryUsage(2, 2, 1, 0))
           .On(HttpMethod.Delete, $"/api/categories/{Food.Id}", HttpStatusCode.NoContent);
        var cut = Render<DeleteCategoryDialog>(p => p.Add(d => d.Category, Food).Add(d => d.All, Nested));

        cut.WaitForAssertion(() => Assert.Contains("2 transactions use it.", cut.Markup));
        Assert.Contains("Its 2 subcategories become top-level categories.", cut.Markup);
        Assert.Contains("1 recurring rule will have no category.", cut.Markup);
        var picker = cut.Field("Move them to");
        Assert.Equal(["Uncategorised", "Food › Bakery", "Food › Supermarket", "Groceries"], picker.QuerySelectorAll("option").Select(o => o.TextContent));

        picker.Change(Groceries.Id.ToString());
        cut.Button("Delete").Click();

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == $"/api/categories/{Food.Id}?reassignTo={Groceries.Id}"));
    }

    [Fact]
    public void DeletingACategoryCanLeaveItsTransactionsUncategorised()
    {
        Api.On(HttpMethod.Get, $"/api/categories/{Groceries.Id}/usage", HttpStatusCode.OK, new CategoryUsage(1, 0, 0, 3))
           .On(HttpMethod.Delete, $"/api/categories/{Groceries.Id}", HttpStatusCode.NoContent);
        var cut = Render<DeleteCategoryDialog>(p => p.Add(d => d.Category, Groceries).Add(d => d.All, Nested));

        cut.WaitForAssertion(() => Assert.Contains("1 transaction uses it.", cut.Markup));
        Assert.Contains("3 budget lines for it are removed.", cut.Markup);
        cut.Button("Delete").Click();

        cut.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == $"/api/categories/{Groceries.Id}?uncategorise=true"));
    }
}
