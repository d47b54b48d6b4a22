using FinanceTracker.Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
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
        group.AddEndpointFilter(BearerOnly);
        group.AddEndpointFilter(SessionRefresh.RefreshInSessionAsync);
        group.MapIdentityApi<AppUser>();
        group.MapAccountDeletion();
        group.MapSessionsApi();
        return group;
    }

    /// <summary>
    /// The Api signs in with bearer tokens only: an Api cookie would be sent by the browser to any state-changing
    /// endpoint without antiforgery. The Web keeps its own cookie and calls the Api with the bearer token.
    /// </summary>
    private static ValueTask<object?> BearerOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var query = context.HttpContext.Request.Query;
        foreach (var name in (string[])["useCookies", "useSessionCookies"])
        {
            if (bool.TryParse(query[name], out var cookies) && cookies)
            {
                return ValueTask.FromResult<object?>(Problems.Invalid(name,
                    "Cookie sign-in is not offered by the Api; use the access token in the Authorization header."));
            }
        }
        return next(context);
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
