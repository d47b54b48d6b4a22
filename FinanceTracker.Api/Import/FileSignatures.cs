namespace FinanceTracker.Api.Import;

/// <summary>
/// Refuses files that are not text before any parser sees them: known binary formats by their magic numbers
/// (an image renamed .csv, a PDF statement, an Excel workbook), and anything with NUL or many control bytes.
/// </summary>
internal static class FileSignatures
{
    public const int HeadBytes = 8192;

    private static readonly (byte?[] Magic, string What)[] Known =
    [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "an image (PNG)"),
        ([0xFF, 0xD8, 0xFF], "an image (JPEG)"),
        ([0x47, 0x49, 0x46, 0x38], "an image (GIF)"),
        ([0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], "an image (WebP)"),
        ([null, null, null, null, 0x66, 0x74, 0x79, 0x70], "an image or video (HEIC/MP4)"),
        ([0x49, 0x49, 0x2A, 0x00], "an image (TIFF)"),
        ([0x4D, 0x4D, 0x00, 0x2A], "an image (TIFF)"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D], "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Excel .xlsx workbook)"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "an Excel .xls (or other Office) document"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x52, 0x61, 0x72, 0x21, 0x1A, 0x07], "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
    ];

    public static void ThrowIfNotText(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, what) in Known)
        {
            if (Matches(head, magic))
            {
                throw new StatementFormatException($"This looks like {what}, not a bank export. Upload the CSV, OFX/QFX or QIF file your bank exports.");
            }
        }
        var utf16 = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16 && LooksBinary(head))
        {
            throw new StatementFormatException("This file holds binary data, not text: it is not a bank export (CSV, OFX/QFX or QIF).");
        }
    }

    private static bool Matches(ReadOnlySpan<byte> head, byte?[] magic)
    {
        if (head.Length < magic.Length)
        {
            return false;
        }
        for (var i = 0; i < magic.Length; i++)
        {
            if (magic[i] is { } b && head[i] != b)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A NUL byte, or more than 1 in 100 control bytes other than tab, line breaks, form feed and the DOS end-of-file mark.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return true;
        }
        var control = 0;
        foreach (var b in head)
        {
            if ((b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1A)) || b == 0x7F)
            {
                control++;
            }
        }
        return control * 100 > head.Length;
    }
}
