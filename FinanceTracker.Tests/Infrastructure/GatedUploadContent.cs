using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>A multipart upload that sends the start of its file, then waits for the test to let the rest go.</summary>
public sealed class GatedUploadContent : HttpContent
{
    private const string Boundary = "ft-gated";
    private readonly byte[] file;
    private readonly int sendFirst;
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GatedUploadContent(byte[] file, int sendFirst)
    {
        (this.file, this.sendFirst) = (file, sendFirst);
        Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
    }

    /// <summary>Completes once the first bytes are on their way.</summary>
    public Task Started => started.Task;

    public void Release() => released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"slow.jpg\"\r\n\r\n"));
        await stream.WriteAsync(file.AsMemory(0, sendFirst));
        await stream.FlushAsync();
        started.TrySetResult();
        await released.Task;
        await stream.WriteAsync(file.AsMemory(sendFirst));
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
