using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

public sealed class CategoryTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task NewUserStartsWithDefaultExpenseAndIncomeCategories()
    {
        var client = await api.NewUserClientAsync();
        var categories = await client.CategoriesAsync();

        foreach (var name in new[] { "Groceries", "Dining", "Transport", "Housing", "Utilities", "Health", "Shopping", "Entertainment" })
        {
            Assert.Contains(categories, c => c.Name == name && c.Kind == "expense");
        }
        Assert.Contains(categories, c => c.Name == "Salary" && c.Kind == "income");
        Assert.Contains(categories, c => c.Name == "Other income" && c.Kind == "income");
    }

    [Fact]
    public async Task NamesAreUniquePerKindIgnoringCase()
    {
        var client = await api.NewUserClientAsync();
        var duplicate = await client.PostAsJsonAsync("/api/categories", new { name = "groceries", kind = "expense" });
        var otherKind = await client.PostAsJsonAsync("/api/categories", new { name = "Groceries", kind = "income" });

        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "name");
        Assert.Equal(HttpStatusCode.Created, otherKind.StatusCode);
    }

    [Fact]
    public async Task SubcategoryNeedsAParentOfTheSameKindAndNoCycles()
    {
        var client = await api.NewUserClientAsync();
        var categories = await client.CategoriesAsync();
        var housing = categories.First(c => c.Name == "Housing");
        var salary = categories.First(c => c.Name == "Salary");

        var rentResponse = await client.PostAsJsonAsync("/api/categories", new { name = "Rent", kind = "expense", parentId = housing.Id, color = "#112233" });
        var rent = (await rentResponse.Content.ReadFromJsonAsync<Category>())!;
        Assert.Equal((housing.Id, "#112233"), (rent.ParentId, rent.Color));

        var wrongKind = await client.PostAsJsonAsync("/api/categories", new { name = "Bonus", kind = "expense", parentId = salary.Id });
        await wrongKind.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        var cycle = await client.PutAsJsonAsync($"/api/categories/{housing.Id}", new { name = "Housing", kind = "expense", parentId = rent.Id });
        await cycle.AssertProblemAsync(HttpStatusCode.BadRequest, "parentId");
        var badColor = await client.PostAsJsonAsync("/api/categories", new { name = "Pets", kind = "expense", color = "red" });
        await badColor.AssertProblemAsync(HttpStatusCode.BadRequest, "color");
    }

    [Fact]
    public async Task DeletingAUsedCategoryIs409UntilItsTransactionsAreReassigned()
    {
        var client = await api.NewUserClientAsync();
        var categories = await client.CategoriesAsync();
        var dining = categories.First(c => c.Name == "Dining");
        var groceries = categories.First(c => c.Name == "Groceries");
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -8m, categoryId: dining.Id);

        await (await client.DeleteAsync($"/api/categories/{dining.Id}")).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(await client.CategoriesAsync(), c => c.Id == dining.Id);

        var response = await client.DeleteAsync($"/api/categories/{dining.Id}?reassignTo={groceries.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(await client.CategoriesAsync(), c => c.Id == dining.Id);
        Assert.Equal(groceries.Id, (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"))!.CategoryId);
    }

    [Fact]
    public async Task DeletingAUsedCategoryCanLeaveItsTransactionsUncategorised()
    {
        var client = await api.NewUserClientAsync();
        var dining = (await client.CategoriesAsync()).First(c => c.Name == "Dining");
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -8m, categoryId: dining.Id);

        var response = await client.DeleteAsync($"/api/categories/{dining.Id}?uncategorise=true");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.DoesNotContain(await client.CategoriesAsync(), c => c.Id == dining.Id);
        var after = (await client.GetFromJsonAsync<Transaction>($"/api/transactions/{t.Id}"))!;
        Assert.Null(after.CategoryId);
        Assert.Equal(-8m, after.Amount);
    }

    [Fact]
    public async Task ReassignTargetMustBeAnotherOwnCategoryOfTheSameKind()
    {
        var client = await api.NewUserClientAsync();
        var categories = await client.CategoriesAsync();
        var dining = categories.First(c => c.Name == "Dining");
        var salary = categories.First(c => c.Name == "Salary");

        await (await client.DeleteAsync($"/api/categories/{dining.Id}?reassignTo={salary.Id}")).AssertProblemAsync(HttpStatusCode.BadRequest, "reassignTo");
        await (await client.DeleteAsync($"/api/categories/{dining.Id}?reassignTo={dining.Id}")).AssertProblemAsync(HttpStatusCode.BadRequest, "reassignTo");
        Assert.Contains(await client.CategoriesAsync(), c => c.Id == dining.Id);
    }

    [Fact]
    public async Task UnusedCategoryDeletesAndItsChildrenBecomeTopLevel()
    {
        var client = await api.NewUserClientAsync();
        var parent = (await (await client.PostAsJsonAsync("/api/categories", new { name = "Pets", kind = "expense" })).Content.ReadFromJsonAsync<Category>())!;
        var child = (await (await client.PostAsJsonAsync("/api/categories", new { name = "Vet", kind = "expense", parentId = parent.Id })).Content.ReadFromJsonAsync<Category>())!;

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/categories/{parent.Id}")).StatusCode);

        Assert.Null((await client.GetFromJsonAsync<Category>($"/api/categories/{child.Id}"))!.ParentId);
    }

    private sealed record Usage(long Transactions, long Subcategories, long RecurringRules, long BudgetLines);

    [Fact]
    public async Task UsageSaysWhatADeleteWouldTouchSplitPartsCountedOncePerTransaction()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var categories = await client.CategoriesAsync();
        var (groceries, dining) = (categories.First(c => c.Name == "Groceries"), categories.First(c => c.Name == "Dining"));
        await client.CreateTransactionAsync(account.Id, -5m, categoryId: groceries.Id);
        var split = await client.PostAsJsonAsync("/api/transactions", new
        {
            accountId = account.Id, date = "2026-03-15", amount = -10m,
            splits = new object[] { new { categoryId = groceries.Id, amount = -4m }, new { categoryId = groceries.Id, amount = -3m }, new { categoryId = dining.Id, amount = -3m } },
        });
        Assert.Equal(HttpStatusCode.Created, split.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/categories", new { name = "Organic", kind = "expense", parentId = groceries.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/budgets/2026-03", new { currency = "EUR", lines = new[] { new { categoryId = groceries.Id, amount = 100m } } })).StatusCode);

        Assert.Equal(new Usage(2, 1, 0, 1), await client.GetFromJsonAsync<Usage>($"/api/categories/{groceries.Id}/usage"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await api.NewUserClientAsync()).GetAsync($"/api/categories/{groceries.Id}/usage")).StatusCode);
    }
}
