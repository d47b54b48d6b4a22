using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>
/// The de-duplication key of issue 11: account, date, amount, normalised payee and occurrence number.
/// The occurrence number keeps two identical charges on one day in one file apart (the 2nd gets 2),
/// while re-importing the same file, or an overlapping one, gives the same keys again.
/// </summary>
/// <remarks>
/// The key is SHA-256 of <c>account|yyyy-MM-dd|amount|PAYEE|occurrence</c> (UTF-8), as lower-case hex. Stored keys must
/// keep matching, so that text never changes; it is written into a reused buffer (a 100,000-line file costs no more
/// than the hashing), and each distinct payee is normalised once.
/// </remarks>
public static class ImportFingerprint
{
    // 12.5 and 12.50 are one amount: the decimal's scale must not change the key.
    private const string AmountFormat = "0.############";

    /// <summary>Fingerprints for <paramref name="lines"/>, in order, as they will go to <paramref name="accountId"/>.</summary>
    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static IReadOnlyList<string> Compute(long accountId, IEnumerable<StatementLine> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var payees = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<string>();
        var account = accountId.ToString(CultureInfo.InvariantCulture);
        var text = new char[256];
        foreach (var line in lines)
        {
            if (!payees.TryGetValue(line.Payee ?? "", out var payee))
            {
                payees[line.Payee ?? ""] = payee = PayeeText.Normalise(line.Payee);
            }
            var length = WriteIdentity(ref text, account, line.Date, line.Amount, payee);
            var identity = new string(text, 0, length);
            var occurrence = seen.TryGetValue(identity, out var count) ? count + 1 : 1;
            seen[identity] = occurrence;
            result.Add(Hash(ref text, length, occurrence));
        }
        return result;
    }

    /// <summary>One fingerprint, when the caller already knows the occurrence number (1-based).</summary>
    public static string Of(long accountId, DateOnly date, decimal amount, string payee, int occurrence)
    {
        var text = new char[256];
        var length = WriteIdentity(ref text, accountId.ToString(CultureInfo.InvariantCulture), date, amount, PayeeText.Normalise(payee));
        return Hash(ref text, length, occurrence);
    }

    /// <summary>Writes <c>account|date|amount|payee</c> at the buffer's start (growing it when needed); returns its length.</summary>
    private static int WriteIdentity(ref char[] text, string account, DateOnly date, decimal amount, string payee)
    {
        // Account (≤ 20), date (10), amount (≤ 42 with sign and point), payee, three separators and room for "|occurrence".
        var needed = account.Length + 10 + 48 + payee.Length + 3 + 12;
        if (text.Length < needed)
        {
            text = new char[Math.Max(needed, text.Length * 2)];
        }
        var span = text.AsSpan();
        var at = 0;
        account.CopyTo(span);
        at += account.Length;
        span[at++] = '|';
        date.TryFormat(span[at..], out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        at += written;
        span[at++] = '|';
        if (!amount.TryFormat(span[at..], out written, AmountFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The amount did not fit its buffer.");
        }
        at += written;
        span[at++] = '|';
        payee.CopyTo(span[at..]);
        return at + payee.Length;
    }

    /// <summary>Appends <c>|occurrence</c> to the identity in the buffer and hashes the whole as UTF-8.</summary>
    private static string Hash(ref char[] text, int length, int occurrence)
    {
        var span = text.AsSpan();
        span[length++] = '|';
        occurrence.TryFormat(span[length..], out var written, provider: CultureInfo.InvariantCulture);
        length += written;
        var chars = span[..length];
        var byteCount = Encoding.UTF8.GetMaxByteCount(length);
        var rented = byteCount > 1024 ? ArrayPool<byte>.Shared.Rent(byteCount) : null;
        try
        {
            Span<byte> bytes = rented is null ? stackalloc byte[1024] : rented;
            var used = Encoding.UTF8.GetBytes(chars, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..used], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
