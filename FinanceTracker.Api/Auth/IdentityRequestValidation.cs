using System.Reflection;
using System.Runtime.CompilerServices;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// Identity's API endpoints trust their bodies: a null email or password, or an email longer than its column,
/// reaches UserManager and ends as a 500. This checks the request records (Microsoft.AspNetCore.Identity.Data) first
/// and answers 400 naming the field, as every other endpoint does.
/// </summary>
internal static class IdentityRequestValidation
{
    // The users table's email and user name columns are VARCHAR(256); a password longer than this is only a hashing cost.
    private const int MaxEmailLength = 256;
    private const int MaxPasswordLength = 1024;

    public static async ValueTask<object?> ValidateAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var request in context.Arguments.Where(IsIdentityRequest))
        {
            foreach (var property in request!.GetType().GetProperties().Where(p => p.PropertyType == typeof(string)))
            {
                if (Problem(property, (string?)property.GetValue(request)) is { } problem)
                {
                    errors[JsonName(property)] = [problem];
                }
            }
        }
        return errors.Count == 0 ? await next(context) : TypedResults.ValidationProblem(errors);
    }

    private static bool IsIdentityRequest(object? argument) => argument?.GetType().Namespace == "Microsoft.AspNetCore.Identity.Data";

    private static string? Problem(PropertyInfo property, string? value) => value switch
    {
        null or "" when property.IsDefined(typeof(RequiredMemberAttribute)) => $"{JsonName(property)} is required.",
        { Length: > MaxEmailLength } when property.Name.Contains("Email", StringComparison.Ordinal) =>
            $"{JsonName(property)} must be at most {MaxEmailLength} characters.",
        { Length: > MaxPasswordLength } when property.Name.Contains("Password", StringComparison.Ordinal) =>
            $"{JsonName(property)} must be at most {MaxPasswordLength} characters.",
        _ => null,
    };

    private static string JsonName(PropertyInfo property) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
}
