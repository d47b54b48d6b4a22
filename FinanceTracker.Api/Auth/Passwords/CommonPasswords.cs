using System.Collections.Frozen;

namespace FinanceTracker.Api.Auth.Passwords;

/// <summary>
/// The 49,233 most common passwords of zxcvbn's list (common-passwords.txt, embedded; from the npm package
/// @zxcvbn-ts/language-common 4.1.3, MIT licence, see common-passwords.LICENSE.txt), compared case-insensitively.
/// </summary>
public sealed class CommonPasswords
{
    private const string ResourceName = "FinanceTracker.Api.Auth.Passwords.common-passwords.txt";

    private readonly FrozenSet<string> passwords;

    private CommonPasswords(IEnumerable<string> passwords) =>
        this.passwords = passwords.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>(50_000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0) lines.Add(line);
        }
        return new CommonPasswords(lines);
    }

    public int Count => passwords.Count;

    /// <summary>
    /// A listed password, also with digits or symbols around it ("password123456", "!!qwerty2024"): the first
    /// thing guessing tools try is a common word with such an ending.
    /// </summary>
    public bool Contains(string password)
    {
        var core = password.Trim().AsSpan().Trim(Decorations);
        return passwords.Contains(password) || (core.Length > 0 && passwords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(core));
    }

    private static readonly char[] Decorations = [.. "0123456789!@#$%^&*()-_=+.,;:?~`'\"[]{}<>/\\| "];
}
