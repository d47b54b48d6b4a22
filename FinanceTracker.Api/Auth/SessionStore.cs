using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>A signed-in device or browser, as the person sees it in their settings.</summary>
public sealed record SessionInfo(string Id, DateTime CreatedAt, DateTime LastSeenAt, string? UserAgent, string? IpAddress, bool Current);

/// <summary>
/// The SQL of sign-in sessions. A session lives as long as its refresh token would (sliding with each refresh);
/// its id is 128 random bits, shown to the person as 32 hex digits.
/// </summary>
public sealed class SessionStore(MySqlDataSource db, TimeProvider time, IOptionsMonitor<BearerTokenOptions> bearer)
{
    /// <summary>How stale "last active" may get before a request writes it again (one write per minute at most).</summary>
    private static readonly TimeSpan SeenResolution = TimeSpan.FromMinutes(1);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private DateTime ExpiresAt => Now + bearer.Get(IdentityConstants.BearerScheme).RefreshTokenExpiration;

    public async Task<string> StartAsync(long userId, string? userAgent, string? ipAddress, CancellationToken ct = default)
    {
        var id = RandomNumberGenerator.GetBytes(16);
        await using var connection = await db.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM user_sessions WHERE expires_at < @now LIMIT 100;
            INSERT INTO user_sessions (id, user_id, created_at, last_seen_at, expires_at, user_agent, ip_address)
            VALUES (@id, @userId, @now, @now, @expires, @userAgent, @ipAddress);
            """,
            new { id, userId, now = Now, expires = ExpiresAt, userAgent = Truncate(userAgent, 256), ipAddress = Truncate(ipAddress, 45) },
            cancellationToken: ct));
        return Convert.ToHexStringLower(id);
    }

    /// <summary>True while the session exists and has not expired; notes the person was active.</summary>
    public async Task<bool> IsAliveAsync(long userId, string sessionId, CancellationToken ct = default)
    {
        if (ToBytes(sessionId) is not { } id)
        {
            return false;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        var lastSeen = await connection.QuerySingleOrDefaultAsync<DateTime?>(new CommandDefinition(
            "SELECT last_seen_at FROM user_sessions WHERE id = @id AND user_id = @userId AND expires_at > @now",
            new { id, userId, now = Now }, cancellationToken: ct));
        if (lastSeen is { } seen && Now - seen > SeenResolution)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE user_sessions SET last_seen_at = @now WHERE id = @id", new { id, now = Now }, cancellationToken: ct));
        }
        return lastSeen is not null;
    }

    /// <summary>A refresh: the session slides to the new refresh token's lifetime. False when it has ended.</summary>
    public async Task<bool> ExtendAsync(long userId, string sessionId, CancellationToken ct = default)
    {
        if (ToBytes(sessionId) is not { } id)
        {
            return false;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE user_sessions SET last_seen_at = @now, expires_at = @expires
            WHERE id = @id AND user_id = @userId AND expires_at > @now
            """, new { id, userId, now = Now, expires = ExpiresAt }, cancellationToken: ct)) == 1;
    }

    /// <summary>
    /// Marks a refresh token used (by hash, until it would have expired). False when it was used before: a copy is
    /// in someone else's hands.
    /// </summary>
    public async Task<bool> SpendRefreshTokenAsync(long userId, string refreshToken, DateTimeOffset expires, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                DELETE FROM used_refresh_tokens WHERE expires_at < @now LIMIT 100;
                INSERT INTO used_refresh_tokens (token_hash, user_id, expires_at) VALUES (@hash, @userId, @expires);
                """,
                new { hash = SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)), userId, expires = expires.UtcDateTime, now = Now },
                cancellationToken: ct));
            return true;
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<SessionInfo>> ListAsync(long userId, string currentSessionId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(byte[] Id, DateTime CreatedAt, DateTime LastSeenAt, string? UserAgent, string? IpAddress)>(
            new CommandDefinition("""
                SELECT id, created_at, last_seen_at, user_agent, ip_address FROM user_sessions
                WHERE user_id = @userId AND expires_at > @now ORDER BY created_at DESC, id
                """, new { userId, now = Now }, cancellationToken: ct));
        return [.. rows.Select(r =>
        {
            var id = Convert.ToHexStringLower(r.Id);
            return new SessionInfo(id, AsUtc(r.CreatedAt), AsUtc(r.LastSeenAt), r.UserAgent, r.IpAddress, id == currentSessionId);
        })];
    }

    /// <summary>Ends one session of the person; false when they have no such session.</summary>
    public async Task<bool> EndAsync(long userId, string sessionId, CancellationToken ct = default)
    {
        if (ToBytes(sessionId) is not { } id)
        {
            return false;
        }
        await using var connection = await db.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_sessions WHERE id = @id AND user_id = @userId", new { id, userId }, cancellationToken: ct)) == 1;
    }

    /// <summary>Ends every session of the person but <paramref name="keepSessionId"/> (all of them when null).</summary>
    public async Task EndOthersAsync(long userId, string? keepSessionId, CancellationToken ct = default)
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await EndOthersAsync(connection, null, userId, keepSessionId, ct);
    }

    /// <inheritdoc cref="EndOthersAsync(long, string?, CancellationToken)"/>
    public static Task EndOthersAsync(DbConnection connection, DbTransaction? transaction, long userId, string? keepSessionId, CancellationToken ct = default) =>
        connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM user_sessions WHERE user_id = @userId AND NOT (id <=> @keep)",
            new { userId, keep = keepSessionId is null ? null : ToBytes(keepSessionId) }, transaction, cancellationToken: ct));

    private static byte[]? ToBytes(string sessionId) =>
        sessionId.Length == 32 && sessionId.All(char.IsAsciiHexDigit) ? Convert.FromHexString(sessionId) : null;

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Length <= length ? value : value[..length];

    private static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
