using Azure;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Blob storage unreachable, timing out or overloaded (after the client's own short retries): 503
/// problem details at once, so receipt calls fail fast and visibly while every other endpoint works.
/// </summary>
internal sealed class BlobStorageExceptionHandler(IProblemDetailsService problemDetails, ILogger<BlobStorageExceptionHandler> logger)
    : OutageExceptionHandler(problemDetails, logger)
{
    protected override string Title => "Receipt storage is unavailable";

    protected override string Detail => "Receipts cannot be stored or read right now. Try again in a moment.";

    protected override int RetryAfterSeconds => 10;

    protected override bool IsOutage(Exception exception) => IsStorageOutage(exception);

    /// <summary>What the Azure SDK throws when storage cannot answer; a 404 or 403 stays an unexpected error.</summary>
    private static bool IsStorageOutage(Exception exception) => exception switch
    {
        RequestFailedException failed => failed.Status is 0 or 408 or 429 or >= 500,
        // The SDK's retry policy throws every attempt's failure together, network errors and timeouts included.
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(
            inner => IsStorageOutage(inner) || inner is HttpRequestException or IOException or OperationCanceledException),
        _ => false,
    };
}
