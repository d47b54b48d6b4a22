using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;

namespace FinanceTracker.Api.Auth.Protection;

/// <summary>
/// A sign-in to an unknown email answers like a wrong password (Identity's 401 "Failed"), but Identity skips the
/// password hash for it, so the answer came back ~100 ms sooner: a clock told which emails have accounts. This
/// checks the password against a dummy hash first, so both cost one hash verification.
/// </summary>
internal static class UnknownAccountSignIn
{
    private static readonly Lock gate = new();
    private static string? dummyHash;

    public static async ValueTask<object?> HashLikeAKnownAccountAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<LoginRequest>().FirstOrDefault() is { Email: { Length: > 0 } email, Password: { } password })
        {
            var services = context.HttpContext.RequestServices;
            if (await services.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(email) is null)
            {
                var hasher = services.GetRequiredService<IPasswordHasher<AppUser>>();
                hasher.VerifyHashedPassword(DummyUser, DummyHash(hasher), password);
            }
        }
        return await next(context);
    }

    private static readonly AppUser DummyUser = new() { SecurityStamp = Guid.NewGuid().ToString() };

    /// <summary>Made with the app's own hasher, so its cost (iterations) is that of a real account's hash.</summary>
    private static string DummyHash(IPasswordHasher<AppUser> hasher)
    {
        lock (gate)
        {
            return dummyHash ??= hasher.HashPassword(DummyUser, Guid.NewGuid().ToString());
        }
    }

    /// <summary>Stands in for an account that does not exist wherever Identity would do work for a real one.</summary>
    public static AppUser Nobody => new() { Id = 0, SecurityStamp = DummyUser.SecurityStamp };
}
