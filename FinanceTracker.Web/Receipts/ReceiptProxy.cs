namespace FinanceTracker.Web.Receipts;

/// <summary>
/// Sends one request to the Api with the person's token (from the auth cookie) and hands its answer
/// back unchanged and unbuffered. No resilience handler: a streamed body cannot be sent twice.
/// </summary>
internal sealed class ReceiptProxy(HttpClient http, ILogger<ReceiptProxy> logger)
{
    public async Task<IResult> SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new ProxiedResponse(response);
        }
        catch (HttpRequestException e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The Api could not be reached for {Method} {Path}.", method, path);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The FinanceTracker service can't be reached right now.");
        }
        finally
        {
            request.Dispose();
        }
    }

    /// <summary>The Api's status, body and the headers a browser needs to show (or refuse to sniff) a file.</summary>
    private sealed class ProxiedResponse(HttpResponseMessage response) : IResult
    {
        private static readonly string[] ContentHeaders = ["Content-Type", "Content-Disposition", "Content-Length"];

        public async Task ExecuteAsync(HttpContext context)
        {
            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var name in ContentHeaders)
                {
                    if (response.Content.Headers.TryGetValues(name, out var values))
                    {
                        context.Response.Headers[name] = values.ToArray();
                    }
                }
                context.Response.Headers.XContentTypeOptions = "nosniff";
                if (response.IsSuccessStatusCode && context.Request.Method == HttpMethods.Get)
                {
                    // A receipt's bytes never change under its id; only this person's browser may keep them.
                    context.Response.Headers.CacheControl = "private, max-age=3600";
                }
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }
}
