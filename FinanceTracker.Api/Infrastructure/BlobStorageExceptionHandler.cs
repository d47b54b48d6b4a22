using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Blob storage unreachable, timing out or overloaded (after the client's own short retries): 503
/// problem details at once, so receipt calls fail fast and visibly while every other endpoint works.
/// </summary>
internal sealed partial class BlobStorageExceptionHandler(IProblemDetailsService problemDetails, ILogger<BlobStorageExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception))
        {
            return false;
        }
        LogOutage(httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "10";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Receipt storage is unavailable",
                Detail = "Receipts cannot be stored or read right now. Try again in a moment.",
            },
        });
    }

    /// <summary>What the Azure SDK throws when storage cannot answer; a 404 or 403 stays an unexpected error.</summary>
    public static bool IsOutage(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        // The SDK's retry policy throws every attempt's failure together, network errors and timeouts included.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(
            inner => IsOutage(inner) || inner is HttpRequestException or IOException or OperationCanceledException),
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob storage unavailable, answered {Path} with 503: {Reason}")]
    private partial void LogOutage(string path, string reason);
}
