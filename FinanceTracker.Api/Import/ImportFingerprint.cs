using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>
/// The de-duplication key of issue 11: account, date, amount, normalised payee and occurrence number.
/// The occurrence number keeps two identical charges on one day in one file apart (the 2nd gets 2),
/// while re-importing the same file, or an overlapping one, gives the same keys again.
/// </summary>
public static class ImportFingerprint
{
    /// <summary>Fingerprints for <paramref name="lines"/>, in order, as they will go to <paramref name="accountId"/>.</summary>
    public static IReadOnlyList<string> Compute(long accountId, IEnumerable<StatementLine> lines)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var line in lines)
        {
            var identity = Identity(accountId, line.Date, line.Amount, line.Payee);
            var occurrence = seen.TryGetValue(identity, out var count) ? count + 1 : 1;
            seen[identity] = occurrence;
            result.Add(Hash(identity + "|" + occurrence.ToString(CultureInfo.InvariantCulture)));
        }
        return result;
    }

    /// <summary>One fingerprint, when the caller already knows the occurrence number (1-based).</summary>
    public static string Of(long accountId, DateOnly date, decimal amount, string payee, int occurrence) =>
        Hash(Identity(accountId, date, amount, payee) + "|" + occurrence.ToString(CultureInfo.InvariantCulture));

    private static string Identity(long accountId, DateOnly date, decimal amount, string payee) => string.Join('|',
        accountId.ToString(CultureInfo.InvariantCulture),
        date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // 12.5 and 12.50 are one amount: the decimal's scale must not change the key.
        amount.ToString("0.############", CultureInfo.InvariantCulture),
        PayeeText.Normalise(payee));

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
