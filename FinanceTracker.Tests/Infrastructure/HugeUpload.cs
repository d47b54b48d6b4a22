using System.Net.Sockets;
using System.Text;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Sends one huge multipart JPEG upload over a raw socket, reading the response while still sending,
/// as a browser does: HttpClient gives up on the response once the server closes the connection under it.
/// </summary>
public static class HugeUpload
{
    private const string Boundary = "ft-huge";
    private static readonly TimeSpan StalledWrite = TimeSpan.FromSeconds(5);

    /// <summary>The response's status code and how many body bytes the connection took before the server stopped it.</summary>
    public static async Task<(int Status, long BytesSent)> PostAsync(Uri server, string path, string bearerToken, long totalBytes, bool chunked)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        var framing = chunked ? "Transfer-Encoding: chunked" : $"Content-Length: {totalBytes}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"POST {path} HTTP/1.1\r\nHost: {server.Authority}\r\nAuthorization: Bearer {bearerToken}\r\n" +
            $"Content-Type: multipart/form-data; boundary={Boundary}\r\n{framing}\r\n\r\n"));
        var response = ReadStatusAsync(stream);

        byte[] head = [.. Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.jpg\"\r\n\r\n"), 0xFF, 0xD8, 0xFF, 0xE0];
        var chunk = new byte[64 * 1024];
        head.CopyTo(chunk, 0);
        long sent = 0;
        try
        {
            while (sent < totalBytes)
            {
                var size = (int)Math.Min(chunk.Length, totalBytes - sent);
                using var stalled = new CancellationTokenSource(StalledWrite);
                if (chunked) await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"), stalled.Token);
                await stream.WriteAsync(chunk.AsMemory(0, size), stalled.Token);
                if (chunked) await stream.WriteAsync("\r\n"u8.ToArray(), stalled.Token);
                sent += size;
                Array.Clear(chunk);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            // The server closed the connection, or stopped reading it: either way it cut the upload off.
        }
        return (await response, sent);
    }

    private static async Task<int> ReadStatusAsync(NetworkStream stream)
    {
        var buffer = new byte[256];
        var length = 0;
        while (length < 12)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length));
            if (read == 0) return 0;
            length += read;
        }
        // "HTTP/1.1 413 ..."
        return int.Parse(Encoding.ASCII.GetString(buffer, 9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }
}
