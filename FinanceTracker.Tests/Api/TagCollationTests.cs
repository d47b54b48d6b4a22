using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Tags are compared as the tags column compares them (utf8mb4_unicode_ci: case, accents and width don't count),
/// so spellings of one tag become that tag once, in its first spelling, instead of a duplicate-key error.
/// </summary>
public sealed class TagCollationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Spellings = ["café", "cafe", "CAFÉ", "abc", "ａｂｃ", "ABC", "Food"];

    [Fact]
    public async Task TagsThatDifferOnlyInCaseAccentOrWidthAreStoredOnceInTheirFirstSpelling()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();

        var response = await client.PostAsJsonAsync("/api/transactions",
            new { accountId = account.Id, date = "2026-04-01", amount = -3.2m, tags = Spellings });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<Transaction>())!;
        Assert.Equal(["Food", "abc", "café"], created.Tags.Order(StringComparer.Ordinal));
        Assert.Equal(created, await client.GetFromJsonAsync<Transaction>($"/api/transactions/{created.Id}"));
    }

    [Fact]
    public async Task UpdateWithSpellingsOfOneTagStoresItOnce()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -3.2m, tags: ["old"]);

        var response = await client.PutAsJsonAsync($"/api/transactions/{t.Id}",
            new { accountId = account.Id, date = t.Date, amount = t.Amount, tags = new[] { "ｆｏｏｄ", "Food", "food", "Café", "cafe" }, version = t.Version });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Café", "ｆｏｏｄ"], (await response.Content.ReadFromJsonAsync<Transaction>())!.Tags.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TagFilterFindsEverySpellingOfTheTag()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -1m, tags: ["Café", "cafe"]);

        Assert.Equal([t.Id], (await client.ListTransactionsAsync("tag=CAFE")).Items.Select(i => i.Id));
    }
}
