using System.Text;
using FinanceTracker.Api.Auth.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.WebUtilities;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// Forgot/reset password for every account, confirmed email or not (Identity's endpoints serve confirmed ones only,
/// and the Web has no confirmation step): the code goes to the account's own address, so using it proves the
/// address, and the email is marked confirmed. Unknown emails cost the same work and get the same answer.
/// </summary>
internal static class PasswordResetRequests
{
    public static async ValueTask<object?> ForEveryAccountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        switch (context.Arguments.FirstOrDefault(a => a is ForgotPasswordRequest or ResetPasswordRequest))
        {
            case ForgotPasswordRequest { Email: { Length: > 0 } email }:
                var users = services.GetRequiredService<UserManager<AppUser>>();
                var user = await users.FindByEmailAsync(email);
                var token = await users.GeneratePasswordResetTokenAsync(user ?? UnknownAccountSignIn.Nobody);
                if (user is { Email: { } address })
                {
                    var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
                    await services.GetRequiredService<AccountEmails>().SendPasswordResetCodeAsync(user, address, code);
                }
                return TypedResults.Ok();

            case ResetPasswordRequest { Email: { Length: > 0 } email, ResetCode: { Length: > 0 } resetCode }:
                await ConfirmEmailIfTheCodeIsRightAsync(services.GetRequiredService<UserManager<AppUser>>(), email, resetCode);
                return await next(context);

            default:
                return await next(context);
        }
    }

    private static async Task ConfirmEmailIfTheCodeIsRightAsync(UserManager<AppUser> users, string email, string resetCode)
    {
        if (await users.FindByEmailAsync(email) is not { EmailConfirmed: false } user) return;
        string code;
        try
        {
            code = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(resetCode));
        }
        catch (FormatException)
        {
            return; // Identity answers "invalid code" itself
        }
        if (await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, code))
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
    }
}
