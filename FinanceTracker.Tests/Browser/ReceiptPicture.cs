using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace FinanceTracker.Tests.Browser;

/// <summary>A real PNG that looks like a till receipt (paper, a header band, rows of "text"), made in the test.</summary>
public static class ReceiptPicture
{
    public const int Width = 120;
    public const int Height = 160;

    public static byte[] Png()
    {
        using var pixels = new MemoryStream();
        for (var y = 0; y < Height; y++)
        {
            pixels.WriteByte(0); // filter: none
            for (var x = 0; x < Width; x++)
            {
                pixels.Write(Colour(x, y));
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n']);
        Chunk(png, "IHDR", [.. BigEndian(Width), .. BigEndian(Height), 8, 2, 0, 0, 0]);
        Chunk(png, "IDAT", Deflate(pixels.ToArray()));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Colour(int x, int y)
    {
        var margin = x is >= 12 and < Width - 12;
        if (y < 28)
        {
            return [15, 108, 189];
        }
        if (margin && y % 14 is >= 6 and < 10 && x < (y * 7 % 60) + 50)
        {
            return [96, 96, 96];
        }
        return [250, 248, 240];
    }

    private static byte[] BigEndian(int value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal))
        {
            zlib.Write(data);
        }
        return output.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(BigEndian(data.Length));
        png.Write(typed);
        png.Write(BigEndian((int)Crc32(typed)));
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
