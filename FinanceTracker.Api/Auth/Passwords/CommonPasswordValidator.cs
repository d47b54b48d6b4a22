using Microsoft.AspNetCore.Identity;

namespace FinanceTracker.Api.Auth.Passwords;

/// <summary>Refuses a password from the common-passwords list, whatever its length (reported under <c>password</c>).</summary>
internal sealed class CommonPasswordValidator(CommonPasswords common) : IPasswordValidator<AppUser>
{
    public const string Code = "PasswordTooCommon";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && common.Contains(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = Code,
                Description = "This password is one of the most common ones, which attackers try first. Choose another, such as a few unrelated words.",
            })
            : IdentityResult.Success);
}
