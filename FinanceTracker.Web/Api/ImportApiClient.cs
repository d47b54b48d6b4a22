using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace FinanceTracker.Web.Api;

/// <summary>
/// The <c>/api/imports</c> calls. They get their own HttpClient (no retries, a long timeout): a 50 MB upload or the
/// commit of 100,000 rows takes longer than the typed client's 10-second attempts, and a streamed body cannot be resent.
/// Errors come back the same way as from <see cref="FinanceApiClient"/>.
/// </summary>
public sealed class ImportApiClient(HttpClient http)
{
    /// <summary>The largest bank file the page sends; the Api has the final say.</summary>
    public const long MaxFileBytes = 50 * 1024 * 1024;

    private readonly FinanceApiClient _api = new(http);

    /// <summary>Streams the file to the Api (never holding it whole) and returns the preview; nothing is written yet.</summary>
    public Task<ImportPreview> UploadAsync(
        ImportFile file, long accountId, CsvMapping? mapping = null, Action<long>? sent = null, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(accountId.ToString(CultureInfo.InvariantCulture)), "accountId" },
        };
        if (mapping is not null)
        {
            form.Add(new StringContent(JsonSerializer.Serialize(mapping, ApiJson.Options), Encoding.UTF8, "application/json"), "mapping");
        }
        form.Add(FilePart(file, sent), "file", file.Name);
        return _api.SendAsync<ImportPreview>(new(HttpMethod.Post, "api/imports") { Content = form }, ct);
    }

    /// <summary>The same upload read again with another mapping.</summary>
    public Task<ImportPreview> PreviewAsync(long importId, CsvMapping? mapping, CancellationToken ct = default) =>
        _api.SendAsync<ImportPreview>(FinanceApiClient.Json(HttpMethod.Post, $"api/imports/{importId}/preview", new PreviewImportRequest(mapping)), ct);

    public Task<ImportCommitResult> CommitAsync(long importId, CommitImportRequest request, CancellationToken ct = default) =>
        _api.SendAsync<ImportCommitResult>(FinanceApiClient.Json(HttpMethod.Post, $"api/imports/{importId}/commit", request), ct);

    /// <summary>Deletes every transaction a committed import added.</summary>
    public Task<UndoImportResult> UndoAsync(long importId, CancellationToken ct = default) =>
        _api.SendAsync<UndoImportResult>(new(HttpMethod.Delete, $"api/imports/{importId}/transactions"), ct);

    /// <summary>Forgets an upload that was previewed but not committed.</summary>
    public Task DiscardAsync(long importId, CancellationToken ct = default) =>
        _api.SendAsync(new(HttpMethod.Delete, $"api/imports/{importId}"), ct);

    /// <summary>Recent imports, newest first.</summary>
    public Task<IReadOnlyList<ImportSummary>> GetImportsAsync(CancellationToken ct = default) =>
        _api.SendAsync<IReadOnlyList<ImportSummary>>(new(HttpMethod.Get, "api/imports"), ct);

    /// <summary>Restores a full backup (its JSON document or the zip with receipts) into a person with no data yet.</summary>
    public Task RestoreBackupAsync(ImportFile file, Action<long>? sent = null, CancellationToken ct = default)
    {
        var form = new MultipartFormDataContent { { FilePart(file, sent), "file", file.Name } };
        return _api.SendAsync(new(HttpMethod.Post, "api/imports/backup") { Content = form }, ct);
    }

    private static StreamContent FilePart(ImportFile file, Action<long>? sent)
    {
        var content = new StreamContent(new ProgressStream(file.Content, sent), 64 * 1024);
        content.Headers.ContentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var type)
            ? type : new MediaTypeHeaderValue("application/octet-stream");
        // A known length lets the whole form go with Content-Length (the Api refuses an oversize one at once).
        content.Headers.ContentLength = file.Size;
        return content;
    }
}

/// <summary>A file on its way to the Api: its bytes as a stream (read once), name, size and type.</summary>
public sealed record ImportFile(Stream Content, string Name, long Size, string? ContentType);
