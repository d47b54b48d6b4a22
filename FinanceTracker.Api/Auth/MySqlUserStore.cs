using Dapper;
using FinanceTracker.Api.Categories;
using Microsoft.AspNetCore.Identity;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// ASP.NET Core Identity user store over MySQL with Dapper. Chosen over EF Core because no EF Core 10
/// MySQL provider exists here and the rest of the Api is Dapper over one MySqlDataSource; setters only
/// change the object, <see cref="UpdateAsync"/> writes it (as Identity's EF store does).
/// </summary>
public sealed partial class MySqlUserStore(MySqlDataSource dataSource, CurrentUser caller) :
    IUserPasswordStore<AppUser>,
    IUserEmailStore<AppUser>,
    IUserSecurityStampStore<AppUser>,
    IUserLockoutStore<AppUser>,
    IUserTwoFactorStore<AppUser>,
    IUserAuthenticatorKeyStore<AppUser>,
    IUserTwoFactorRecoveryCodeStore<AppUser>
{
    private const string Columns = """
        id, user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash,
        security_stamp, concurrency_stamp, two_factor_enabled, lockout_end, lockout_enabled,
        access_failed_count, authenticator_key, recovery_codes
        """;

    public async Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO users (user_name, normalized_user_name, email, normalized_email, email_confirmed,
                password_hash, security_stamp, concurrency_stamp, two_factor_enabled, lockout_end,
                lockout_enabled, access_failed_count, authenticator_key, recovery_codes)
            VALUES (@UserName, @NormalizedUserName, @Email, @NormalizedEmail, @EmailConfirmed,
                @PasswordHash, @SecurityStamp, @ConcurrencyStamp, @TwoFactorEnabled, @LockoutEnd,
                @LockoutEnabled, @AccessFailedCount, @AuthenticatorKey, @RecoveryCodes);
            SELECT LAST_INSERT_ID();
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            user.Id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, user, transaction, cancellationToken: cancellationToken));
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            // Two sign-ups for one email racing past Identity's own uniqueness check.
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateEmail(user.Email ?? ""));
        }
        await DefaultCategories.AddAsync(connection, transaction, user.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
                normalized_email = @NormalizedEmail, email_confirmed = @EmailConfirmed, password_hash = @PasswordHash,
                security_stamp = @SecurityStamp, concurrency_stamp = @NewStamp, two_factor_enabled = @TwoFactorEnabled,
                lockout_end = @LockoutEnd, lockout_enabled = @LockoutEnabled, access_failed_count = @AccessFailedCount,
                authenticator_key = @AuthenticatorKey, recovery_codes = @RecoveryCodes
            WHERE id = @Id AND concurrency_stamp <=> @ConcurrencyStamp
            """;
        var newStamp = Guid.NewGuid().ToString();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var storedStamp = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT security_stamp FROM users WHERE id = @Id FOR UPDATE", user, transaction, cancellationToken: cancellationToken));
        var parameters = new DynamicParameters(user);
        parameters.Add("NewStamp", newStamp);
        var rows = await connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        if (rows == 0)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }
        // Identity renews the stamp on every security change (password set or reset, two-factor on, off or re-keyed,
        // recovery codes renewed): every other session of the person ends with it, the caller's own stays.
        if (storedStamp != user.SecurityStamp)
        {
            await SessionStore.EndOthersAsync(connection, transaction, user.Id, caller.Id == user.Id ? caller.SessionId : null, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        user.ConcurrencyStamp = newStamp;
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM users WHERE id = @Id", new { user.Id }, cancellationToken: cancellationToken));
        return IdentityResult.Success;
    }

    public Task<AppUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        long.TryParse(userId, out var id)
            ? FindAsync($"SELECT {Columns} FROM users WHERE id = @value", id, cancellationToken)
            : Task.FromResult<AppUser?>(null);

    public Task<AppUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {Columns} FROM users WHERE normalized_user_name = @value", normalizedUserName, cancellationToken);

    public Task<AppUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        FindAsync($"SELECT {Columns} FROM users WHERE normalized_email = @value", normalizedEmail, cancellationToken);

    private async Task<AppUser?> FindAsync(string sql, object value, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppUser>(
            new CommandDefinition(sql, new { value }, cancellationToken: cancellationToken));
    }

    public void Dispose() { }
}
