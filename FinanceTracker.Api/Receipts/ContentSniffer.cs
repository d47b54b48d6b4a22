using System.Text;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// Decides a receipt's content type from its first bytes (its magic number). The client's
/// Content-Type and file name are never consulted: they are whatever the client says.
/// </summary>
internal static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to recognise every supported type.</summary>
    public const int HeaderLength = 12;

    private const string Jpeg = "image/jpeg", Png = "image/png", WebP = "image/webp", Heic = "image/heic", Pdf = "application/pdf";

    public static readonly string[] ContentTypes = [Jpeg, Png, WebP, Heic, Pdf];

    // HEIF major brands of HEVC-coded stills and sequences; AVIF shares the container but is not accepted.
    private static readonly HashSet<string> HeicBrands = ["heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis"];

    /// <summary>The content type, or null when the bytes are none of JPEG, PNG, WebP, HEIC or PDF.</summary>
    public static string? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? Jpeg
        : header.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? Png
        : header.StartsWith("%PDF-"u8) ? Pdf
        : header.Length < HeaderLength ? null
        : header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) ? WebP
        : header[4..8].SequenceEqual("ftyp"u8) && HeicBrands.Contains(Encoding.ASCII.GetString(header[8..12])) ? Heic
        : null;
}
