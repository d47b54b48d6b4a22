using System.Text;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Small files of each kind, made in the test: a real signature, then every byte value and random noise.</summary>
public static class ReceiptSamples
{
    // A complete, valid 1×1 PNG.
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, .. Noise(), 0xFF, 0xD9];

    public static byte[] WebP()
    {
        byte[] chunk = [.. "VP8 "u8, .. Noise()];
        return [.. "RIFF"u8, .. BitConverter.GetBytes(4 + chunk.Length), .. "WEBP"u8, .. chunk];
    }

    public static byte[] Heic(string brand = "heic") =>
        [0x00, 0x00, 0x00, 0x18, .. "ftyp"u8, .. Encoding.ASCII.GetBytes(brand), 0x00, 0x00, 0x00, 0x00, .. "mif1heic"u8, .. Noise()];

    public static byte[] Pdf() =>
        Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
                                "trailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Sample(string kind) => kind switch
    {
        "png" => Png(),
        "jpeg" => Jpeg(),
        "webp" => WebP(),
        "heic" => Heic(),
        "pdf" => Pdf(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A file that starts with a JPEG signature and is exactly <paramref name="size"/> bytes.</summary>
    public static byte[] JpegOfSize(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        bytes[2] = 0xFF;
        return bytes;
    }

    private static byte[] Noise()
    {
        var random = new byte[512];
        Random.Shared.NextBytes(random);
        return [.. Enumerable.Range(0, 256).Select(i => (byte)i), .. random];
    }
}
