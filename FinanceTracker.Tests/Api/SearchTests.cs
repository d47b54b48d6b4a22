using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// The list's text search (q): any part of a payee, words of the notes from their start, case-insensitive, only the
/// caller's rows; its pages and totals agree with an independent filter of every row, whichever index finds them.
/// </summary>
public sealed class SearchTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task SearchFindsPayeesByAnyPartAndNotesByTheirWordsAndCountsThemExactly()
    {
        var me = await api.NewUserClientAsync();
        var euros = await me.CreateAccountAsync("Euro", "EUR");
        var dollars = await me.CreateAccountAsync("Dollar", "USD");
        (string Payee, string Notes)[] rows =
        [
            ("Corner cafe", ""), ("CORNER CAFE", "flat white"), ("Bakery", "coffee at the corner"), ("Netflix", "monthly"),
            ("Netflix", ""), ("Landlord", "rent for the flat"), ("Supermarket", "invoice 12345"), ("Supermarket", "invoice 99"),
            ("Cafe 50% off", ""), ("Hardware", "sandpaper_fine"), ("Pharmacy", "about the refund"),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            await me.CreateTransactionAsync(i % 3 == 0 ? dollars.Id : euros.Id, -(i + 1.25m), $"2026-0{1 + i % 9}-1{i % 9}", rows[i].Payee, rows[i].Notes);
        }
        // Someone else's rows with the same words never show.
        var other = await api.NewUserClientAsync();
        var theirs = await other.CreateAccountAsync("Theirs", "EUR");
        await other.CreateTransactionAsync(theirs.Id, -5m, "2026-02-02", "Corner cafe", "invoice 12345 corner");

        await AssertFindsAsync(me, "corner", "Corner cafe", "CORNER CAFE", "Bakery");
        await AssertFindsAsync(me, "orner ca", "Corner cafe", "CORNER CAFE");   // inside a payee
        await AssertFindsAsync(me, "netf", "Netflix", "Netflix");
        await AssertFindsAsync(me, "invoice 12345", "Supermarket");
        await AssertFindsAsync(me, "INVOICE", "Supermarket", "Supermarket");
        await AssertFindsAsync(me, "flat", "CORNER CAFE", "Landlord");
        await AssertFindsAsync(me, "about", "Pharmacy");                        // a common word is still a word
        await AssertFindsAsync(me, "50%", "Cafe 50% off");                      // LIKE's wildcards are the person's text
        await AssertFindsAsync(me, "r_f", "Hardware");                          // inside a word of the notes, found by reading them
        await AssertFindsAsync(me, "r%f", []);
        await AssertFindsAsync(me, "ca", "Corner cafe", "CORNER CAFE", "Cafe 50% off");   // too short for the word index
        await AssertFindsAsync(me, "nobody", []);
    }

    [Fact]
    public async Task SearchPagesByCursorAcrossTheIndexedRowsWithoutLosingOrRepeatingOne()
    {
        var me = await api.NewUserClientAsync();
        var account = await me.CreateAccountAsync("Everyday", "EUR");
        for (var i = 0; i < 23; i++)
        {
            await me.CreateTransactionAsync(account.Id, -(i + 1), $"2026-03-{1 + i % 5:00}", i % 2 == 0 ? "Grocer" : "Bus", i % 3 == 0 ? "grocery run" : "");
        }
        var all = await me.ListAllTransactionsAsync("pageSize=500");
        var expected = all.Where(t => t.Payee.Contains("groc", StringComparison.OrdinalIgnoreCase) || t.Notes.Contains("groc", StringComparison.OrdinalIgnoreCase)).ToList();

        var paged = await me.ListAllTransactionsAsync("q=groc&pageSize=4");

        Assert.Equal(expected.Select(t => t.Id), paged.Select(t => t.Id));
    }

    private static async Task AssertFindsAsync(HttpClient client, string q, params string[] payees)
    {
        var all = await client.ListAllTransactionsAsync("pageSize=500");
        var page = await client.ListTransactionsAsync($"q={Uri.EscapeDataString(q)}&pageSize=500");
        Assert.Equal(payees.Order(), page.Items.Select(t => t.Payee).Order());

        // The totals are of exactly these rows, asked with the page or on their own.
        var expected = page.Items.GroupBy(t => t.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new CurrencyTotal(g.Key, g.Sum(t => t.Amount))).ToList();
        Assert.Equal(page.Items.Count, page.TotalCount);
        Assert.Equal(expected, page.Totals);
        var alone = await client.GetFromJsonAsync<TransactionTotals>($"/api/transactions/totals?q={Uri.EscapeDataString(q)}");
        Assert.Equal(expected, alone!.Totals);
        Assert.Equal(page.Items.Count, alone.TotalCount);
        Assert.All(page.Items, t => Assert.Contains(all, a => a.Id == t.Id));
    }
}
