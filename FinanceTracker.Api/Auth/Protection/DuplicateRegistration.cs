using FinanceTracker.Api.Auth.Email;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Http.Metadata;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// Signing up with an address that already has an account answers exactly like a new sign-up (200, no body), so
/// the form cannot be used to find out who has an account; the owner gets an email saying someone tried.
/// Identity hashes the password before it finds the duplicate, so the time taken is alike too.
/// </summary>
internal static class DuplicateRegistration
{
    private static readonly string[] DuplicateCodes = ["DuplicateEmail", "DuplicateUserName"];

    public static async ValueTask<object?> AnswerLikeANewAccountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (context.Arguments.OfType<RegisterRequest>().FirstOrDefault() is not { } registration
            || (result is INestedHttpResult nested ? nested.Result : result) is not ValidationProblem { ProblemDetails: var problem }
            || !DuplicateCodes.Any(problem.Errors.ContainsKey))
        {
            return result;
        }
        var others = problem.Errors.Where(e => !DuplicateCodes.Contains(e.Key)).ToDictionary();
        if (others.Count > 0)
        {
            return TypedResults.ValidationProblem(others, problem.Detail, title: problem.Title);
        }
        var services = context.HttpContext.RequestServices;
        if (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(registration.Email) is { Email: { } email } owner)
        {
            await services.GetRequiredService<AccountEmails>().SendRegistrationAttemptAsync(owner, email);
        }
        return TypedResults.Ok();
    }
}
