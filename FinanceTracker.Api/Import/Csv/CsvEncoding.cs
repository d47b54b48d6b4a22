using System.Buffers;
using System.Text;
using System.Text.Unicode;
using UtfUnknown;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// The text encoding of a CSV file, by <see cref="TextDecoding"/>'s rules: a byte-order mark wins, then bytes that are
/// valid UTF-8 throughout (checked in chunks, never the whole file at once), and only then UTF.Unknown's guess on the
/// first stretch that is not UTF-8, where Western encodings (ISO-8859-1, Windows-1252) read as Windows-1252.
/// </summary>
internal static class CsvEncoding
{
    private const int ChunkBytes = 64 * 1024;
    private static readonly Encoding LenientUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>The encoding and the length of the byte-order mark to step over.</summary>
    public sealed record Choice(Encoding Encoding, int PreambleBytes);

    public static Choice Detect(Stream content, long start, string? requested)
    {
        content.Position = start;
        Span<byte> bom = stackalloc byte[3];
        var read = content.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        bom = bom[..read];
        var preamble = bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? 2 : 0;
        if (requested is not null)
        {
            return new Choice(Named(requested), preamble);
        }
        return preamble switch
        {
            3 => new Choice(LenientUtf8, 3),
            2 => new Choice(bom[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode, 2),
            _ => new Choice(FirstNonUtf8Chunk(content, start) is { } chunk ? Guess(chunk) : LenientUtf8, 0),
        };
    }

    /// <summary>An encoding the person named in the mapping ("utf-8", "windows-1252", "iso-8859-1", "1252").</summary>
    public static Encoding Named(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return LenientUtf8;
        }
        if (trimmed.EndsWith("8859-1", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith("1252", StringComparison.Ordinal)
            || trimmed.Equals("latin1", StringComparison.OrdinalIgnoreCase))
        {
            return TextDecoding.Windows1252;
        }
        try
        {
            return int.TryParse(trimmed, out var codePage) ? Encoding.GetEncoding(codePage) : Encoding.GetEncoding(trimmed);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            throw new StatementFormatException($"The mapping's encoding '{name}' is not one this server knows (try utf-8 or windows-1252).", "mapping");
        }
    }

    /// <summary>The first 64 KB stretch holding bytes that are not UTF-8, or null when the whole file is UTF-8.</summary>
    private static byte[]? FirstNonUtf8Chunk(Stream content, long start)
    {
        content.Position = start;
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = content.Read(bytes, carried, ChunkBytes);
                var available = carried + read;
                var status = Utf8.ToUtf16(bytes.AsSpan(0, available), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return bytes.AsSpan(0, available).ToArray();
                }
                if (read == 0)
                {
                    return null;
                }
                carried = available - consumed;
                bytes.AsSpan(consumed, carried).CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static Encoding Guess(byte[] chunk)
    {
        _ = TextDecoding.Windows1252; // registers the code pages UTF.Unknown may name
        var detected = CharsetDetector.DetectFromBytes(chunk).Detected;
        if (detected?.Encoding is not { } encoding || detected.Confidence < 0.5f
            || encoding.CodePage is 1252 or 28591 or 28605 or 20127 or 65001)
        {
            return TextDecoding.Windows1252;
        }
        return encoding;
    }
}
