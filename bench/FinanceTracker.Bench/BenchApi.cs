using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FinanceTracker.Bench;

/// <summary>The Api over HTTP with real bearer tokens, on one pooled client (loopback, many connections for the load).</summary>
internal sealed class BenchApi(Uri baseAddress)
{
    public const string Password = "Bench-passw0rd!";

    public HttpClient Http { get; } = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromMinutes(30),
    };

    /// <summary>Signs up (an existing account answers 200 too) and signs in; the access token.</summary>
    public async Task<string> TokenForAsync(string email)
    {
        var body = new { email, password = Password };
        using (var registered = await Http.PostAsJsonAsync("/api/auth/register", body))
        {
            if (registered.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw new InvalidOperationException("sign-up is rate limited (5 a minute): wait a minute and run again");
            }
        }
        using var login = await Http.PostAsJsonAsync("/api/auth/login", body);
        login.EnsureSuccessStatusCode();
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Sends, reads the whole body, and fails on an error status (a benchmark of errors is no benchmark).</summary>
    public async Task<byte[]> SendAsync(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        using var request = Request(method, path, token, content);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} {path} answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 400)))}");
        }
        return body;
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string token, object? body = null) =>
        JsonDocument.Parse(await SendAsync(method, path, token, body is null ? null : JsonContent.Create(body))).RootElement;

    public Task<JsonElement> GetAsync(string path, string token) => JsonAsync(HttpMethod.Get, path, token);
}
