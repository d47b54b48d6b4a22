using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// A backing service that cannot answer: 503 problem details with <c>Retry-After</c> at once, never a 500 and never
/// a hang. Each service says which exceptions mean it is out, and what the person is told.
/// </summary>
internal abstract partial class OutageExceptionHandler(IProblemDetailsService problemDetails, ILogger logger) : IExceptionHandler
{
    protected abstract string Title { get; }

    protected abstract string Detail { get; }

    protected abstract int RetryAfterSeconds { get; }

    protected abstract bool IsOutage(Exception exception);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }
        LogOutage(logger, Title, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = Title, Detail = Detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Outage}: answered {Path} with 503: {Reason}")]
    private static partial void LogOutage(ILogger logger, string outage, string path, string reason);
}
