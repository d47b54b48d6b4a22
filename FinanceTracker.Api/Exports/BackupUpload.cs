using System.IO.Compression;
using System.Text.Json;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// The uploaded backup (multipart field <c>file</c>): the JSON document, or a zip with backup.json and the receipts'
/// bytes. The upload is streamed to a temporary file (deleted on close), which a zip needs to be read from.
/// </summary>
internal sealed class BackupUpload : IAsyncDisposable
{
    /// <summary>The largest backup accepted (a zip holds the receipts too).</summary>
    public const long MaxBytes = 1L << 30;

    private readonly FileStream file;

    private BackupUpload(FileStream file, BackupDocument document, ZipArchive? zip)
    {
        this.file = file;
        Document = document;
        Zip = zip;
    }

    public BackupDocument Document { get; }

    /// <summary>The zip, when the upload was one: its receipts are at <see cref="BackupJson.ReceiptEntry"/>.</summary>
    public ZipArchive? Zip { get; }

    public static async Task<(BackupUpload? Upload, ValidationProblem? Invalid)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (MultipartFile.Boundary(request) is not { } boundary
            || await MultipartFile.FindAsync(boundary, request.Body, cancellationToken) is not (var section, _))
        {
            return (null, Invalid("Send the backup as multipart/form-data with the file in a field named 'file'."));
        }
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await section.Body.CopyToAsync(file, cancellationToken);
            file.Position = 0;
            var (upload, invalid) = await OpenAsync(file, cancellationToken);
            if (upload is null)
            {
                await file.DisposeAsync();
            }
            return (upload, invalid);
        }
        catch (Exception ex) when (ex is InvalidDataException || (ex is IOException and not BadHttpRequestException))
        {
            await file.DisposeAsync();
            return (null, Invalid("The multipart body is malformed or ended early."));
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Zip?.Dispose();
        await file.DisposeAsync();
    }

    private static async Task<(BackupUpload?, ValidationProblem?)> OpenAsync(FileStream file, CancellationToken cancellationToken)
    {
        if (file.Length == 0)
        {
            return (null, Invalid("The file is empty."));
        }
        var head = new byte[4];
        await file.ReadExactlyAsync(head.AsMemory(0, (int)Math.Min(4, file.Length)), cancellationToken);
        file.Position = 0;
        if (!head.AsSpan().SequenceEqual("PK\u0003\u0004"u8))
        {
            return await ParseAsync(file, null, file, cancellationToken);
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            return (null, Invalid("The zip file is damaged."));
        }
        if (zip.GetEntry(BackupJson.FileName) is not { } entry)
        {
            zip.Dispose();
            return (null, Invalid($"The zip holds no {BackupJson.FileName}."));
        }
        await using var json = entry.Open();
        var result = await ParseAsync(json, zip, file, cancellationToken);
        if (result.Item1 is null)
        {
            zip.Dispose();
        }
        return result;
    }

    private static async Task<(BackupUpload?, ValidationProblem?)> ParseAsync(
        Stream json, ZipArchive? zip, FileStream file, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonSerializer.DeserializeAsync<BackupDocument>(json, BackupJson.Options, cancellationToken);
            return document is null ? (null, Invalid("The file is not a backup document.")) : (new BackupUpload(file, document, zip), null);
        }
        catch (JsonException ex)
        {
            if (ex.InnerException?.GetType().Name == "JsonReaderException" || ex.Path is null or "$")
            {
                return (null, Invalid($"The file is not valid JSON (line {ex.LineNumber + 1}): not a backup document."));
            }
            var message = ex is ImpreciseNumberException ? ex.Message : "The value is malformed or of the wrong type.";
            return (null, Problems.Invalid(ex.Path.StartsWith("$.", StringComparison.Ordinal) ? ex.Path[2..] : ex.Path, message));
        }
        catch (InvalidDataException)
        {
            return (null, Invalid("The zip file is damaged."));
        }
    }

    private static ValidationProblem Invalid(string message) => Problems.Invalid(MultipartFile.FieldName, message);
}
