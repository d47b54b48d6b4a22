using System.Text.Json;
using FinanceTracker.Api.Money;
using Microsoft.AspNetCore.Diagnostics;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Turns the framework's <see cref="BadHttpRequestException"/> (malformed JSON, wrong types, impossible
/// dates, oversized bodies) into problem details that name the offending field, instead of a bare 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var status = badRequest.StatusCode;
        var problem = status == StatusCodes.Status413PayloadTooLarge
            ? new HttpValidationProblemDetails { Title = "The request body is too large." }
            : new HttpValidationProblemDetails(FieldErrors(badRequest)) { Title = "The request is not valid." };
        problem.Status = status;
        httpContext.Response.StatusCode = status;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static Dictionary<string, string[]> FieldErrors(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            // A syntax error (truncated, not JSON) is about the body as a whole, wherever the reader stopped.
            var field = json.InnerException?.GetType().Name == "JsonReaderException" ? "body" : FieldFromPath(json.Path);
            var message = json is ImpreciseNumberException ? json.Message
                : json.Message.Contains("missing required properties", StringComparison.Ordinal)
                ? "Required fields are missing."
                : field == "body" ? "The body is not valid JSON." : "The value is missing, malformed, or of the wrong type.";
            return new() { [field] = [message] };
        }
        return new() { ["body"] = ["The request body could not be read. Send a JSON object with Content-Type: application/json."] };
    }

    /// <summary>"$.tags[3]" → "tags", "$.amount" → "amount", "$" → "body".</summary>
    private static string FieldFromPath(string? path)
    {
        var trimmed = path?.TrimStart('$').TrimStart('.') ?? "";
        var end = trimmed.IndexOfAny(['.', '[']);
        var field = end < 0 ? trimmed : trimmed[..end];
        return field.Length == 0 ? "body" : field;
    }
}
