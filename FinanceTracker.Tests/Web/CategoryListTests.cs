using Bunit;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Pages.Categories;

namespace FinanceTracker.Tests.Web;

/// <summary>The category list tells a screen reader which categories are subcategories: a list inside the list, with levels.</summary>
public sealed class CategoryListTests : WebTestContext
{
    private static readonly Category Food = new(1, "Food", CategoryKind.Expense, null, "#2E7D32");
    private static readonly Category Dining = new(2, "Dining", CategoryKind.Expense, 1, "#2E7D32");
    private static readonly Category Supermarket = new(3, "Supermarket", CategoryKind.Expense, 1, "#2E7D32");
    private static readonly Category Housing = new(4, "Housing", CategoryKind.Expense, null, "#1565C0");

    [Fact]
    public void SubcategoriesAreAListInsideTheirParentsItemAtLevelTwo()
    {
        var cut = Render<CategoryList>(p => p
            .Add(c => c.Title, "Expenses")
            .Add(c => c.Categories, [Supermarket, Housing, Dining, Food]));

        var top = cut.FindAll("section > ul > li");
        Assert.Equal(["Food", "Housing"], top.Select(li => li.QuerySelector("button .name")!.TextContent).ToArray());
        Assert.All(top, li => Assert.Equal("1", li.GetAttribute("aria-level")));

        var nested = Assert.Single(cut.FindAll("section > ul > li > ul"));
        Assert.Equal("Subcategories of Food", nested.GetAttribute("aria-label"));
        Assert.Equal(["Dining", "Supermarket"], nested.QuerySelectorAll(":scope > li").Select(li => li.QuerySelector("button .name")!.TextContent).ToArray());
        Assert.All(nested.QuerySelectorAll(":scope > li"), li => Assert.Equal("2", li.GetAttribute("aria-level")));
        Assert.Equal(top[0], nested.ParentElement);
    }
}
