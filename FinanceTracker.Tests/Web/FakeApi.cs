using System.Net;
using System.Text;
using System.Text.Json;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Tests.Web;

/// <summary>
/// Stands in for the Api over HTTP in component tests: answers by method and path, records what
/// the component sent. Responses are JSON the way the real Api writes it.
/// </summary>
public sealed class FakeApi : HttpMessageHandler
{
    private readonly List<(HttpMethod Method, string Path, Func<HttpRequestMessage, HttpResponseMessage> Respond)> _routes = [];

    public List<(HttpMethod Method, string PathAndQuery, string? Body)> Requests { get; } = [];

    public FinanceApiClient Client => new(new HttpClient(this) { BaseAddress = new Uri("http://api/") });

    public FakeApi On(HttpMethod method, string path, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _routes.Add((method, path, respond));
        return this;
    }

    public FakeApi On(HttpMethod method, string path, HttpStatusCode status, object? body = null) =>
        On(method, path, _ => Json(status, body));

    public static HttpResponseMessage Json(HttpStatusCode status, object? body) => new(status)
    {
        Content = body is null ? new StringContent("") : new StringContent(
            JsonSerializer.Serialize(body, ApiJson.Options), Encoding.UTF8,
            (int)status >= 400 ? "application/problem+json" : "application/json"),
    };

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string? detail = null,
        Dictionary<string, string[]>? errors = null) =>
        Json(status, new { title, status = (int)status, detail, errors });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
        // The last matching route wins, so a test can override an earlier answer.
        var route = _routes.LastOrDefault(r => r.Method == request.Method && request.RequestUri!.AbsolutePath == r.Path);
        return route.Respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
