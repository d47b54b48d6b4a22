using Microsoft.AspNetCore.Http.HttpResults;
using FinanceTracker.Api.Auth.Protection;
using Microsoft.AspNetCore.Http.Metadata;

namespace FinanceTracker.Api.Auth;

public static class AuthApi
{
    /// <summary>Identity's API endpoints (register, login, refresh, 2FA, password reset, …) under /api/auth.</summary>
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/auth").WithTags("Auth");
        // Outermost, so its field names (the JSON names of the body) are not regrouped like Identity's error codes.
        group.AddEndpointFilter(IdentityRequestValidation.ValidateAsync);
        group.AddEndpointFilter(NameIdentityErrorFields);
        group.AddEndpointFilter(LoginSerialization.OneAtATimePerAccountAsync);
        group.AddEndpointFilter(RefreshTokenReuse.UsedOnceAsync);
        group.WithAccountProtection();
        group.MapIdentityApi<AppUser>();
        group.MapAccountDeletion();
        return group;
    }

    /// <summary>
    /// Identity keys its validation errors by error code (PasswordTooShort, DuplicateUserName, …);
    /// clients need the field they belong to, so the codes are regrouped under email and password.
    /// </summary>
    private static async ValueTask<object?> NameIdentityErrorFields(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is not ValidationProblem { ProblemDetails: var problem })
        {
            return result;
        }
        // The user name is the email here, so "user name taken" only repeats "email taken".
        var errors = problem.Errors.ContainsKey("DuplicateEmail")
            ? problem.Errors.Where(e => e.Key != "DuplicateUserName")
            : problem.Errors;
        var byField = errors
            .GroupBy(e => FieldOf(e.Key))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray());
        return TypedResults.ValidationProblem(byField, problem.Detail, title: problem.Title);
    }

    private static string FieldOf(string identityCode) => identityCode switch
    {
        // Already a JSON field name (ours are camelCase); Identity's codes are PascalCase.
        _ when identityCode.Length > 0 && char.IsLower(identityCode[0]) => identityCode,
        _ when identityCode.Contains("Password", StringComparison.OrdinalIgnoreCase) => "password",
        _ when identityCode.Contains("Email", StringComparison.OrdinalIgnoreCase)
            || identityCode.Contains("UserName", StringComparison.OrdinalIgnoreCase) => "email",
        _ when identityCode.Contains("Recovery", StringComparison.OrdinalIgnoreCase) => "recoveryCode",
        _ when identityCode.Contains("Token", StringComparison.OrdinalIgnoreCase)
            || identityCode.Contains("Code", StringComparison.OrdinalIgnoreCase) => "code",
        _ => identityCode,
    };
}
