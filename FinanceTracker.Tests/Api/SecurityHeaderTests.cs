using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>The headers the Api and the Web send, read from the real processes the AppHost started.</summary>
public sealed class SecurityHeaderTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("api", "/api/accounts")]
    [InlineData("api", "/alive")]
    [InlineData("web", "/account/login")]
    public async Task ResponsesForbidSniffingFramingAndReferrersAndDoNotNameTheServer(string app, string path)
    {
        using var client = new HttpClient { BaseAddress = app == "api" ? api.App.ApiAddress : api.App.WebAddress };

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);
}
