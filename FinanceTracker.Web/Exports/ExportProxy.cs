namespace FinanceTracker.Web.Exports;

/// <summary>
/// Downloads a file from the Api with the person's token (from the auth cookie) and streams it to the browser as it
/// arrives, with the Api's status and file headers. No resilience handler: a half-sent body cannot be retried.
/// </summary>
internal sealed class ExportProxy(HttpClient http, ILogger<ExportProxy> logger)
{
    private static readonly string[] FileHeaders = ["Content-Type", "Content-Disposition", "Content-Length"];

    public async Task<IResult> GetAsync(string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            return new StreamedResponse(response);
        }
        catch (HttpRequestException e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "The Api could not be reached for the export {Path}.", path);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The FinanceTracker service can't be reached right now.");
        }
    }

    private sealed class StreamedResponse(HttpResponseMessage response) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                foreach (var name in FileHeaders)
                {
                    if (response.Content.Headers.TryGetValues(name, out var values))
                    {
                        context.Response.Headers[name] = values.ToArray();
                    }
                }
                context.Response.Headers.XContentTypeOptions = "nosniff";
                // An export is a snapshot of private data: never kept by the browser or anything in between.
                context.Response.Headers.CacheControl = "no-store";
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }
}
