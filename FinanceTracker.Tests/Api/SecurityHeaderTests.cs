using System.Net;
using System.Text.RegularExpressions;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>The headers and cookies the Api and the Web send, read from the real processes the AppHost started.</summary>
public sealed class SecurityHeaderTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int HalfAYearInSeconds = 180 * 24 * 60 * 60;

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

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    public async Task WebPagesAllowOnlyTheirOwnScriptsAndNoEval(string path)
    {
        using var client = new HttpClient { BaseAddress = api.App.WebAddress };

        using var response = await client.GetAsync(path);

        var directives = Single(response, "Content-Security-Policy").Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d[(d.IndexOf(' ') + 1)..]);
        Assert.Equal("'self'", directives["default-src"]);
        Assert.Equal("'self'", directives["script-src"]);
        Assert.Equal("'self'", directives["connect-src"]);
        Assert.Equal("'none'", directives["object-src"]);
        Assert.Equal("'self'", directives["base-uri"]);
        Assert.Equal("'self'", directives["form-action"]);
        Assert.DoesNotContain(directives.Values, value => value.Contains("unsafe-eval"));
    }

    [Fact]
    public async Task HstsIsSentOnHttpsThroughATrustedProxyOnly()
    {
        using var client = new HttpClient { BaseAddress = api.App.ApiAddress };
        using var viaProxy = new HttpRequestMessage(HttpMethod.Get, "/alive");
        viaProxy.Headers.Add("X-Forwarded-Proto", "https");
        viaProxy.Headers.Add("X-Forwarded-Host", "finance.example.com");

        using var https = await client.SendAsync(viaProxy);
        using var http = await client.GetAsync("/alive");

        var maxAge = Regex.Match(Single(https, "Strict-Transport-Security"), "max-age=(\\d+)");
        Assert.True(maxAge.Success && long.Parse(maxAge.Groups[1].Value) >= HalfAYearInSeconds, Single(https, "Strict-Transport-Security"));
        Assert.False(http.Headers.Contains("Strict-Transport-Security"));
    }

    [Theory]
    [InlineData("https", true)]
    [InlineData(null, false)]
    public async Task TheWebsSignInCookieIsSecureBehindATlsProxy(string? forwardedProto, bool secure)
    {
        var email = $"cookie-{Guid.NewGuid():N}@example.com";
        await api.NewUserClientAsync(email);
        using var web = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = api.App.WebAddress };

        using var form = WithProxy(new HttpRequestMessage(HttpMethod.Get, "/account/login"), forwardedProto);
        using var page = await web.SendAsync(form);
        var html = await page.Content.ReadAsStringAsync();
        var signInForm = html[html.IndexOf("<form", StringComparison.Ordinal)..html.IndexOf("</form>", StringComparison.Ordinal)];
        var fields = Regex.Matches(signInForm, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = ApiFixture.Password;
        using var post = WithProxy(new HttpRequestMessage(HttpMethod.Post, "/account/login") { Content = new FormUrlEncodedContent(fields) }, forwardedProto);
        post.Headers.Add("Cookie", string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        using var signedIn = await web.SendAsync(post);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ft.auth", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Split(';', StringSplitOptions.TrimEntries).Contains("secure", StringComparer.OrdinalIgnoreCase));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage WithProxy(HttpRequestMessage request, string? forwardedProto)
    {
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        return request;
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);
}
