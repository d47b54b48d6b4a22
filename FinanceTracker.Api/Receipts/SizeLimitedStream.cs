namespace FinanceTracker.Api.Receipts;

/// <summary>Thrown while streaming a file once it has grown past the limit.</summary>
internal sealed class ReceiptTooLargeException(long maxBytes)
    : Exception($"The file is larger than {maxBytes} bytes.");

/// <summary>
/// The file as the blob upload reads it: the bytes already read for sniffing, then the rest of the
/// multipart section, counted as they pass so an oversized file stops at the limit, not at its end.
/// </summary>
internal sealed class SizeLimitedStream(ReadOnlyMemory<byte> head, Stream rest, long maxBytes) : Stream
{
    private ReadOnlyMemory<byte> head = head;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (!head.IsEmpty)
        {
            read = Math.Min(head.Length, buffer.Length);
            head[..read].CopyTo(buffer);
            head = head[read..];
        }
        else
        {
            // One byte more than allowed is enough to know the file is too large.
            var allowed = (int)Math.Min(buffer.Length, maxBytes - BytesRead + 1);
            read = await rest.ReadAsync(buffer[..allowed], cancellationToken);
        }
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new ReceiptTooLargeException(maxBytes);
        }
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    // Request bodies only allow asynchronous reads.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
