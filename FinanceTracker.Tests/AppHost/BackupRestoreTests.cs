using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.AppHost;

/// <summary>
/// The AppHost's "Back up now" on the shared stack, then "Restore newest backup" into a second, empty stack (its own data
/// folder and servers): the same people can sign in and find the same ledger, figures and receipt bytes. Runs alone
/// (<see cref="ServerOutages"/>): a second stack beside the shared one is heavy for a small machine.
/// </summary>
[Collection(ServerOutages.Name)]
public sealed class BackupRestoreTests(ApiFixture api, ITestOutputHelper output) : IClassFixture<ApiFixture>
{
    private const string Range = "from=2026-01-10&to=2026-03-20";

    [Fact]
    public async Task ABackupRestoredIntoAnEmptyStackHasTheSameLedgerFiguresAndReceiptBytes()
    {
        var email = $"backup-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        var (euro, dollar) = (await client.CreateAccountAsync("Main", "EUR", 12.5m), await client.CreateAccountAsync("Trip", "USD"));
        var categoryIds = (await client.CategoriesAsync()).Select(c => (long?)c.Id).Prepend(null).ToList();
        var written = new List<Transaction>();
        for (var i = 0; i < 30; i++)
        {
            written.Add(await client.CreateTransactionAsync(i % 3 == 0 ? dollar.Id : euro.Id, (i % 5 == 0 ? 1 : -1) * (10.01m + i),
                $"2026-{1 + (i % 3):00}-{1 + (i % 28):00}", $"Payee {i % 4}", $"note {i}", categoryIds[i % categoryIds.Count], ["backup", $"t{i % 4}"]));
        }
        var receipts = new Dictionary<long, byte[]>();
        foreach (var (file, row) in new[] { ReceiptSamples.Jpeg(), ReceiptSamples.Png(), ReceiptSamples.Pdf() }.Zip(written))
        {
            receipts[(await client.AddReceiptAsync(row.Id, file)).Id] = file;
        }
        var before = await FiguresAsync(client);

        var backup = await api.App.ExecuteCommandAsync("financedb", "backup");
        Assert.True(backup.Success, backup.Message);
        output.WriteLine($"Backup: {backup.Message}");

        await using var fresh = await TestApp.StartFreshAsync(api.App.BackupDirectory);
        var restore = await fresh.ExecuteCommandAsync("financedb", "restore");
        Assert.True(restore.Success, restore.Message);
        output.WriteLine($"Restore: {restore.Message}");

        var restored = await SignInAsync(fresh, email);
        Assert.Equal(before, await FiguresAsync(restored));
        foreach (var (id, bytes) in receipts)
        {
            Assert.Equal(bytes, await restored.GetByteArrayAsync($"/api/receipts/{id}/content"));
        }

        // Now the database holds data: a plain restore refuses, replacing puts the backup back over what was written since.
        var refused = await fresh.ExecuteCommandAsync("financedb", "restore");
        Assert.False(refused.Success, "A restore over a database with people in it went ahead.");
        output.WriteLine($"Refused: {refused.Message}");
        await restored.CreateTransactionAsync(euro.Id, -99m, "2026-02-02");
        Assert.NotEqual(before, await FiguresAsync(restored));
        var replaced = await fresh.ExecuteCommandAsync("financedb", "restore-replacing");
        Assert.True(replaced.Success, replaced.Message);
        Assert.Equal(before, await FiguresAsync(await SignInAsync(fresh, email)));
    }

    /// <summary>What the person sees, as the Api's own JSON: accounts with balances, categories, every row, list totals, analytics.</summary>
    private static async Task<List<string>> FiguresAsync(HttpClient client)
    {
        string[] reads = ["/api/accounts", "/api/categories", "/api/transactions?pageSize=500", $"/api/transactions?{Range}&pageSize=1",
            $"/api/analytics/summary?{Range}", $"/api/analytics/by-category?{Range}", $"/api/analytics/monthly?{Range}", $"/api/analytics/top-payees?{Range}"];
        var figures = new List<string>();
        foreach (var read in reads)
        {
            figures.Add($"{read}: {await client.GetStringAsync(read)}");
        }
        return figures;
    }

    private static async Task<HttpClient> SignInAsync(TestApp app, string email)
    {
        var client = new HttpClient { BaseAddress = app.ApiAddress };
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = (await login.Content.ReadFromJsonAsync<TokenResponse>())!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        return client;
    }
}
