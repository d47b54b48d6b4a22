using System.IO.Compression;

namespace FinanceTracker.Api.Import;

/// <summary>An upload's bytes as stored from preview to commit: compressed (bank exports shrink about tenfold).</summary>
internal static class ImportContent
{
    public static byte[] Compress(ReadOnlySpan<byte> content)
    {
        using var buffer = new MemoryStream(content.Length / 4 + 64);
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(content);
        }
        return buffer.ToArray();
    }

    public static MemoryStream Open(byte[] stored)
    {
        var content = new MemoryStream(stored.Length * 4);
        using (var zlib = new ZLibStream(new MemoryStream(stored), CompressionMode.Decompress))
        {
            zlib.CopyTo(content);
        }
        content.Position = 0;
        return content;
    }
}
