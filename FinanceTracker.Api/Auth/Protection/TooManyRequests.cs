namespace FinanceTracker.Api.Auth.Protection;

/// <summary>429 problem+json with <c>Retry-After</c> in whole seconds.</summary>
internal sealed class TooManyRequests(TimeSpan retryAfter, string detail) : IResult
{
    public int RetryAfterSeconds { get; } = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

    public string Detail { get; } = detail.Replace("{wait}", Describe(retryAfter), StringComparison.Ordinal);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: Detail)
            .ExecuteAsync(httpContext);
    }

    private static string Describe(TimeSpan wait) => wait.TotalSeconds <= 90
        ? $"{Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds"
        : $"{(int)Math.Ceiling(wait.TotalMinutes)} minutes";
}
