using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;
using MySqlConnector;

namespace FinanceTracker.Tests.Api;

/// <summary>"Delete my account": confirmed with the password, and afterwards nothing of the person remains anywhere.</summary>
public sealed class AccountDeletionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string WrongPassword = "Not-the-passw0rd";

    [Fact]
    public async Task AWrongPasswordDeletesNothing()
    {
        var client = await api.NewUserClientAsync();
        var account = await client.CreateAccountAsync();

        var response = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = WrongPassword });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/accounts/{account.Id}")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheAccountLeavesNoRowNoBlobAndNoWorkingToken()
    {
        var email = $"leaving-{Guid.NewGuid():N}@example.com";
        var client = await api.NewUserClientAsync(email);
        var account = await client.CreateAccountAsync();
        var t = await client.CreateTransactionAsync(account.Id, -12.5m, tags: ["holiday"]);
        var receipt = await client.AddReceiptAsync(t.Id, ReceiptSamples.Jpeg());
        var userId = await api.OwnerOfReceiptAsync(receipt.Id);
        var neighbour = await api.NewUserClientAsync();
        var neighboursAccount = await neighbour.CreateAccountAsync();

        var response = await client.PostAsJsonAsync("/api/auth/manage/delete-account", new { password = ApiFixture.Password });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/accounts", new { name = "Back", type = "checking", currency = "EUR" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await api.AnonymousClient().PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password })).StatusCode);
        foreach (var (table, rows) in await RowsPerTableAsync(userId))
        {
            Assert.True(rows == 0, $"{table} still holds {rows} rows of the deleted user");
        }
        Assert.True(await Eventually.TrueAsync(async () => (await api.ReceiptsContainer.BlobNamesAsync(userId)).Count == 0
            && await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM pending_blob_deletions WHERE blob_name LIKE @prefix", ("@prefix", $"{userId}/%")) == 0),
            "The deleted user's receipt blobs (or their outbox rows) remain.");
        Assert.Equal(HttpStatusCode.OK, (await neighbour.GetAsync($"/api/accounts/{neighboursAccount.Id}")).StatusCode);
    }

    /// <summary>Rows of the user in every table that has a user_id column (and the users row itself), read from the schema.</summary>
    private async Task<List<(string Table, long Rows)>> RowsPerTableAsync(long userId)
    {
        await using var connection = new MySqlConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var columns = new MySqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = DATABASE() AND column_name = 'user_id'", connection))
        await using (var reader = await columns.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        Assert.Contains("transactions", tables);
        var counts = new List<(string, long)> { ("users", await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE id = @id", ("@id", userId))) };
        foreach (var table in tables)
        {
            counts.Add((table, await api.Database.ScalarAsync<long>($"SELECT COUNT(*) FROM `{table}` WHERE user_id = @id", ("@id", userId))));
        }
        return counts;
    }
}
