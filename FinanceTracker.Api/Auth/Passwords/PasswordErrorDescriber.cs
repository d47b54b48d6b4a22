using Microsoft.AspNetCore.Identity;

namespace FinanceTracker.Api.Auth.Passwords;

/// <summary>Says what to do about a short password, and suggests a passphrase.</summary>
internal sealed class PasswordErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Use at least {length} characters. A few unrelated words make a strong password that is easy to remember.",
    };
}
