using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Auth;

/// <summary>
/// A refresh token works once at the Api, and using one twice ends the session. Both the cookie (on a page load) and
/// a circuit (in memory, it cannot rewrite the cookie) refresh tokens, so refreshes go one at a time through here,
/// and every used refresh token points at its newest successor: a cookie still holding an old one moves on to the
/// tokens a circuit got, instead of replaying a used token. Kept in memory, so it holds per Web replica; Blazor
/// Server needs sticky sessions anyway.
/// </summary>
public sealed class RefreshedTokens(TimeProvider time)
{
    /// <summary>As long as the Api's refresh tokens live.</summary>
    private static readonly TimeSpan Keep = TimeSpan.FromDays(14);

    private readonly ConcurrentDictionary<string, Family> _familyOf = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _pruned;

    /// <summary>The newest tokens descended from <paramref name="tokens"/> (itself when it was never refreshed here).</summary>
    public AuthTokens Latest(AuthTokens tokens) =>
        _familyOf.TryGetValue(Key(tokens.RefreshToken), out var family) ? family.Latest : tokens;

    /// <summary>Refreshes unless someone else already did so moments ago; 401 from the Api means the session has ended.</summary>
    public async Task<AuthTokens> RefreshAsync(FinanceApiClient api, AuthTokens tokens, TimeSpan margin, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var current = Latest(tokens);
            if (!current.ExpiresWithin(margin, time.GetUtcNow()))
            {
                return current;
            }
            var next = AuthTokens.From(await api.RefreshAsync(current.RefreshToken, ct), time.GetUtcNow());
            Remember(current.RefreshToken, next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Remember(string used, AuthTokens next)
    {
        var now = time.GetUtcNow();
        var family = _familyOf.TryGetValue(Key(used), out var existing) ? existing : new Family();
        family.Latest = next;
        family.Touched = now;
        _familyOf[Key(used)] = family;
        _familyOf[Key(next.RefreshToken)] = family;
        if (now - _pruned > TimeSpan.FromHours(1))
        {
            _pruned = now;
            foreach (var (key, stale) in _familyOf)
            {
                if (now - stale.Touched > Keep)
                {
                    _familyOf.TryRemove(key, out _);
                }
            }
        }
    }

    private static string Key(string refreshToken) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));

    private sealed class Family
    {
        public AuthTokens Latest { get; set; } = default!;
        public DateTimeOffset Touched { get; set; }
    }
}
