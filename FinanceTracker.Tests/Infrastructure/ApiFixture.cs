using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Storage.Blobs;

[assembly: AssemblyFixture(typeof(FinanceTracker.Tests.Infrastructure.ApiFixture))]

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>One Api over one fresh database for the whole run; every test makes its own users and data.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Password = "Corr3ct-Horse!";

    private TestDatabase? database;
    private ApiFactory? factory;

    public TestDatabase Database => database ?? throw new InvalidOperationException("Not initialized.");
    public ApiFactory Factory => factory ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The Api's receipts container, read directly to check what storage really holds.</summary>
    public BlobContainerClient ReceiptsContainer => new BlobServiceClient(TestServers.Blobs).GetBlobContainerClient(Factory.ReceiptsContainer);

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync("ft_api");
        factory = new ApiFactory(database.ConnectionString);
        using var client = factory.CreateClient();
        (await client.GetAsync("/alive")).EnsureSuccessStatusCode();
    }

    public HttpClient AnonymousClient() => Factory.CreateClient();

    /// <summary>Registers a new person and returns a client that sends their bearer token.</summary>
    public async Task<HttpClient> NewUserClientAsync(string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = Factory.CreateClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var tokens = await login.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
            await ReceiptsContainer.DeleteIfExistsAsync();
        }
        if (database is not null) await database.DisposeAsync();
    }
}

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
