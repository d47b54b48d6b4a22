using System.Net;
using System.Net.Http.Json;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Short, intention-revealing calls for the tests; each asserts the happy-path status it expects.</summary>
public static class ApiClientExtensions
{
    public static async Task<Account> CreateAccountAsync(
        this HttpClient client, string name = "Checking", string currency = "EUR", decimal openingBalance = 0m, string type = "checking")
    {
        var response = await client.PostAsJsonAsync("/api/accounts", new { name, type, currency, openingBalance });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Account>())!;
    }

    public static async Task<Account> GetAccountAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<Account>($"/api/accounts/{id}"))!;

    public static async Task<Transaction> CreateTransactionAsync(
        this HttpClient client, long accountId, decimal amount, string date = "2026-03-15",
        string payee = "Shop", string notes = "", long? categoryId = null, string[]? tags = null)
    {
        var response = await client.PostAsJsonAsync("/api/transactions",
            new { accountId, categoryId, date, amount, payee, notes, tags = tags ?? [] });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Transaction>())!;
    }

    public static async Task<TransactionPage> ListTransactionsAsync(this HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/transactions{(query.Length > 0 ? "?" + query : "")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TransactionPage>())!;
    }

    /// <summary>Every page, following nextCursor until the end.</summary>
    public static async Task<List<Transaction>> ListAllTransactionsAsync(this HttpClient client, string query = "")
    {
        var all = new List<Transaction>();
        string? cursor = null;
        do
        {
            var separator = query.Length > 0 ? "&" : "";
            var page = await client.ListTransactionsAsync(cursor is null ? query : $"{query}{separator}cursor={Uri.EscapeDataString(cursor)}");
            all.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return all;
    }

    public static async Task<List<Category>> CategoriesAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<Category>>("/api/categories"))!;

    /// <summary>Asserts an RFC 7807 answer with the status, and (when given) an error for the field.</summary>
    public static async Task<Problem> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? field = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        if (field is not null)
        {
            Assert.True(problem.Errors?.ContainsKey(field) == true,
                $"Expected an error for '{field}', got: {string.Join(", ", problem.Errors?.Keys.ToArray() ?? [])}");
        }
        return problem;
    }
}
