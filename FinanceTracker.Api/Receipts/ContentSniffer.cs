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

    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Pdf => "%PDF-"u8;
    private static ReadOnlySpan<byte> Riff => "RIFF"u8;
    private static ReadOnlySpan<byte> Webp => "WEBP"u8;
    private static ReadOnlySpan<byte> Ftyp => "ftyp"u8;

    // HEIF major brands of HEVC-coded stills and sequences; AVIF shares the container but is not accepted.
    private static readonly HashSet<string> HeicBrands = ["heic", "heix", "hevc", "hevx", "mif1", "msf1", "heim", "heis"];

    /// <summary>The content type, or null when the bytes are none of JPEG, PNG, WebP, HEIC or PDF.</summary>
    public static string? Detect(ReadOnlySpan<byte> header) =>
        header.StartsWith(Jpeg) ? "image/jpeg"
        : header.StartsWith(Png) ? "image/png"
        : header.StartsWith(Pdf) ? "application/pdf"
        : header.Length >= 12 && header.StartsWith(Riff) && header[8..12].SequenceEqual(Webp) ? "image/webp"
        : header.Length >= 12 && header[4..8].SequenceEqual(Ftyp) && HeicBrands.Contains(Encoding.ASCII.GetString(header[8..12])) ? "image/heic"
        : null;
}
