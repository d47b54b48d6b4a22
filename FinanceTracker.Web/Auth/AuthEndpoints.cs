using Microsoft.AspNetCore.Mvc;

namespace FinanceTracker.Web.Auth;

internal static class AuthEndpoints
{
    public const string SignInPath = "/account/login";
    public const string SignUpPath = "/account/register";
    public const string SignOutPath = "/account/logout";
    public const string ForgotPasswordPath = "/account/forgot-password";
    public const string ResetPasswordPath = "/account/reset-password";

    /// <summary>Sign-out is a POST (with antiforgery, which binding a form field turns on) so no link can sign anyone out.</summary>
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignOutPath, async (HttpContext context, SignInService signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync(context, context.RequestAborted);
            return TypedResults.LocalRedirect(SignInNotice.Url(SignInNotice.SignedOut));
        });
        return endpoints;
    }

    /// <summary>Only same-site paths are followed after sign-in, never an absolute URL from the query string.</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}
