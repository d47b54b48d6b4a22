using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using MySqlConnector;

namespace FinanceTracker.Api.Auth;

/// <summary>
/// Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits), accepted from two steps either side
/// of now as Identity's provider does, but each code works once: the step of the last accepted code is kept per
/// person and a code of that step or an earlier one is refused, so a code seen over someone's shoulder cannot be
/// replayed. Identity's own provider accepts one code for up to five minutes.
/// </summary>
internal sealed class OneTimeAuthenticatorTokenProvider(MySqlDataSource db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "OneTimeAuthenticator";

    private const int StepSeconds = 30;
    private const int StepsAllowed = 2;

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        token = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        var now = time.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        using var hmac = new HMACSHA1(Base32.Decode(key));
        for (var step = now - StepsAllowed; step <= now + StepsAllowed; step++)
        {
            if (Code(hmac, step) == code)
            {
                return await SpendAsync(user.Id, step);
            }
        }
        return false;
    }

    /// <summary>Atomically moves the person's last step forward; false when this step (or a later one) was used.</summary>
    private async Task<bool> SpendAsync(long userId, long step)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteAsync("""
            UPDATE users SET authenticator_last_step = @step
            WHERE id = @userId AND (authenticator_last_step IS NULL OR authenticator_last_step < @step)
            """, new { userId, step }) == 1;
    }

    private static int Code(HMACSHA1 hmac, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        hmac.TryComputeHash(counter, hash, out _);
        var offset = hash[^1] & 0x0F;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
    }

    /// <summary>RFC 4648 base32, the alphabet Identity writes authenticator keys in (its own decoder is internal).</summary>
    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            text = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
            var bytes = new byte[text.Length * 5 / 8];
            int buffer = 0, bits = 0, index = 0;
            foreach (var c in text)
            {
                buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal) switch
                {
                    < 0 => throw new FormatException("The authenticator key is not base32."),
                    var value => value,
                };
                bits += 5;
                if (bits >= 8)
                {
                    bytes[index++] = (byte)(buffer >> (bits - 8));
                    bits -= 8;
                }
            }
            return bytes;
        }
    }
}
