using Microsoft.AspNetCore.Identity;

namespace FinanceTracker.Api.Auth;

// The property accessors Identity's interfaces require: they read or change the object only.
public sealed partial class MySqlUserStore
{
    private const char RecoveryCodeSeparator = ';';

    public Task<string> GetUserIdAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    public Task<string?> GetUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.UserName);
    public Task SetUserNameAsync(AppUser user, string? userName, CancellationToken ct) => Set(() => user.UserName = userName);
    public Task<string?> GetNormalizedUserNameAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
    public Task SetNormalizedUserNameAsync(AppUser user, string? normalizedName, CancellationToken ct) => Set(() => user.NormalizedUserName = normalizedName);

    public Task SetPasswordHashAsync(AppUser user, string? passwordHash, CancellationToken ct) => Set(() => user.PasswordHash = passwordHash);
    public Task<string?> GetPasswordHashAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash);
    public Task<bool> HasPasswordAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(AppUser user, string? email, CancellationToken ct) => Set(() => user.Email = email);
    public Task<string?> GetEmailAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.Email);
    public Task<bool> GetEmailConfirmedAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.EmailConfirmed);
    public Task SetEmailConfirmedAsync(AppUser user, bool confirmed, CancellationToken ct) => Set(() => user.EmailConfirmed = confirmed);
    public Task<string?> GetNormalizedEmailAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.NormalizedEmail);
    public Task SetNormalizedEmailAsync(AppUser user, string? normalizedEmail, CancellationToken ct) => Set(() => user.NormalizedEmail = normalizedEmail);

    public Task SetSecurityStampAsync(AppUser user, string stamp, CancellationToken ct) => Set(() => user.SecurityStamp = stamp);
    public Task<string?> GetSecurityStampAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(AppUser user, CancellationToken ct) =>
        Task.FromResult(user.LockoutEnd is { } end ? new DateTimeOffset(DateTime.SpecifyKind(end, DateTimeKind.Utc)) : (DateTimeOffset?)null);
    public Task SetLockoutEndDateAsync(AppUser user, DateTimeOffset? lockoutEnd, CancellationToken ct) => Set(() => user.LockoutEnd = lockoutEnd?.UtcDateTime);
    public Task<int> IncrementAccessFailedCountAsync(AppUser user, CancellationToken ct) => Task.FromResult(++user.AccessFailedCount);
    public Task ResetAccessFailedCountAsync(AppUser user, CancellationToken ct) => Set(() => user.AccessFailedCount = 0);
    public Task<int> GetAccessFailedCountAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.AccessFailedCount);
    public Task<bool> GetLockoutEnabledAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.LockoutEnabled);
    public Task SetLockoutEnabledAsync(AppUser user, bool enabled, CancellationToken ct) => Set(() => user.LockoutEnabled = enabled);

    public Task SetTwoFactorEnabledAsync(AppUser user, bool enabled, CancellationToken ct) => Set(() => user.TwoFactorEnabled = enabled);
    public Task<bool> GetTwoFactorEnabledAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.TwoFactorEnabled);
    public Task SetAuthenticatorKeyAsync(AppUser user, string key, CancellationToken ct) => Set(() => user.AuthenticatorKey = key);
    public Task<string?> GetAuthenticatorKeyAsync(AppUser user, CancellationToken ct) => Task.FromResult(user.AuthenticatorKey);

    public Task ReplaceCodesAsync(AppUser user, IEnumerable<string> recoveryCodes, CancellationToken ct) =>
        Set(() => user.RecoveryCodes = string.Join(RecoveryCodeSeparator, recoveryCodes));

    public Task<bool> RedeemCodeAsync(AppUser user, string code, CancellationToken ct)
    {
        var codes = RecoveryCodes(user);
        if (!codes.Remove(code))
        {
            return Task.FromResult(false);
        }
        user.RecoveryCodes = string.Join(RecoveryCodeSeparator, codes);
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(AppUser user, CancellationToken ct) => Task.FromResult(RecoveryCodes(user).Count);

    private static List<string> RecoveryCodes(AppUser user) =>
        [.. (user.RecoveryCodes ?? "").Split(RecoveryCodeSeparator, StringSplitOptions.RemoveEmptyEntries)];

    private static Task Set(Action change)
    {
        change();
        return Task.CompletedTask;
    }
}
