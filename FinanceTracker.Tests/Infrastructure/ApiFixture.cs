using System.Net.Http.Headers;
using System.Net.Http.Json;
using Azure.Storage.Blobs;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// The Api the AppHost started (a real process on real servers), shared by the whole run; every test makes its
/// own users and data. <see cref="Factory"/> is a second, in-process replica on the same database and servers,
/// for tests that look inside an instance (its meters) or need two.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Password = "Corr3ct-Horse!";

    private TestApp? app;
    private ApiFactory? factory;

    public TestApp App => app ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>The app's database (<c>financedb</c>), read directly to check what is really stored.</summary>
    public TestDatabase Database => TestDatabase.Existing(App.ConnectionStrings["financedb"]);

    public ApiFactory Factory => factory ??= new ApiFactory(App);

    /// <summary>The Api's receipts container, read directly to check what storage really holds.</summary>
    public BlobContainerClient ReceiptsContainer =>
        new BlobServiceClient(App.ConnectionStrings["receipts"]).GetBlobContainerClient(ApiFactory.ReceiptsContainerName);

    public async ValueTask InitializeAsync() => app = await TestApp.SharedAsync();

    public HttpClient AnonymousClient() => new() { BaseAddress = App.ApiAddress };

    /// <summary>Registers a new person and returns a client that sends their bearer token.</summary>
    public async Task<HttpClient> NewUserClientAsync(string? email = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        var client = AnonymousClient();
        (await client.PostAsJsonAsync("/api/auth/register", new { email, password = Password })).EnsureSuccessStatusCode();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var tokens = await login.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens!.AccessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
    }
}

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
