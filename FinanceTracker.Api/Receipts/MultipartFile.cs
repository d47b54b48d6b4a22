using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// Finds the "file" part of a multipart/form-data body by reading the request stream section by
/// section, so the file is never buffered (IFormFile would copy it to memory or disk first).
/// </summary>
internal static class MultipartFile
{
    public const string FieldName = "file";

    // Multipart headers are small; the default 16 KB would let a client spend memory on them.
    private const int HeadersLengthLimit = 8 * 1024;

    /// <summary>The boundary, or null when the body is not multipart/form-data.</summary>
    public static string? Boundary(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
        && mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && HeaderUtilities.RemoveQuotes(mediaType.Boundary) is { Length: > 0 and <= 70 } boundary
            ? boundary.Value
            : null;

    /// <summary>The "file" section positioned at its first byte, with the client's file name; null when there is none.</summary>
    public static async Task<(MultipartSection Section, string? FileName)?> FindAsync(
        string boundary, Stream body, CancellationToken cancellationToken)
    {
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = HeadersLengthLimit };
        // Reading the next section skips the rest of the previous one, so other fields cost nothing to hold.
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(FieldName, StringComparison.Ordinal))
            {
                return (section, new FileMultipartSection(section, disposition).FileName);
            }
        }
        return null;
    }
}
