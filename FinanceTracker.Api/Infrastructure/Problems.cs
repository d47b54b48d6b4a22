using Microsoft.AspNetCore.Http.HttpResults;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>The expected failures handlers return, as RFC 7807 problem details.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>409, naming the field that conflicts when there is one.</summary>
    public static ProblemHttpResult Conflict(string detail, string? field = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(
            field is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflict",
            Detail = detail,
        });
}
