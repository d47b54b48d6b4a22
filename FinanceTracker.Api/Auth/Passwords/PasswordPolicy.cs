using Microsoft.AspNetCore.Identity;

namespace FinanceTracker.Api.Auth.Passwords;

/// <summary>
/// Length over character classes (NIST SP 800-63B): at least 12 characters, passphrases welcome, no rules about
/// digits or symbols, and never one of the common passwords.
/// </summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 12;

    public static IServiceCollection AddPasswordPolicy(this IServiceCollection services)
    {
        services.Configure<IdentityOptions>(options =>
        {
            options.Password.RequiredLength = MinimumLength;
            options.Password.RequiredUniqueChars = 1;
            options.Password.RequireDigit = false;
            options.Password.RequireLowercase = false;
            options.Password.RequireUppercase = false;
            options.Password.RequireNonAlphanumeric = false;
        });
        services.AddSingleton(_ => CommonPasswords.Load());
        services.AddScoped<IPasswordValidator<AppUser>, CommonPasswordValidator>();
        services.AddScoped<IdentityErrorDescriber, PasswordErrorDescriber>();
        return services;
    }
}
