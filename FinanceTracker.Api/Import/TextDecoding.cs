using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>
/// Turns a bank file's bytes into text. A byte-order mark wins; otherwise bytes that are valid UTF-8 are read as UTF-8
/// whatever a header declares (headers lie: Actual's 8859-1.qfx is UTF-8); anything else is read with the declared
/// charset, or Windows-1252 (a superset of ISO-8859-1's printable range) when none is declared.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The encoding <see cref="Decode"/> reads <paramref name="bytes"/> with, by the same rules.</summary>
    public static Encoding Choose(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Encoding.UTF8;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }
        return FromCharset(declaredCharset);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return StrictUtf8.GetString(bytes[3..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode.GetString(bytes[2..]);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode.GetString(bytes[2..]);
        }
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return StrictUtf8.GetString(bytes);
        }
        return FromCharset(declaredCharset).GetString(bytes);
    }

    /// <summary>OFX 1.x writes <c>CHARSET:1252</c> or <c>8859-1</c>; XML writes names. Unknown names fall back to 1252.</summary>
    public static Encoding FromCharset(string? charset)
    {
        var name = charset?.Trim() ?? "";
        if (name.Length == 0 || name.Equals("NONE", StringComparison.OrdinalIgnoreCase)
            || name.Contains("8859-1", StringComparison.Ordinal) || name.Contains("1252", StringComparison.Ordinal))
        {
            return Windows1252;
        }
        if (int.TryParse(name, out var codePage))
        {
            return TryGet(() => Encoding.GetEncoding(codePage));
        }
        return TryGet(() => Encoding.GetEncoding(name));
    }

    private static Encoding TryGet(Func<Encoding> get)
    {
        try
        {
            return get();
        }
        catch (ArgumentException)
        {
            return Windows1252;
        }
        catch (NotSupportedException)
        {
            return Windows1252;
        }
    }
}
