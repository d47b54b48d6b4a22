using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace FinanceTracker.Api.Import;

/// <summary>The form of <c>POST /api/imports</c>: <c>file</c>, <c>accountId</c> and an optional <c>mapping</c> (JSON).</summary>
internal sealed record ImportUpload(MemoryStream Content, string FileName, long AccountId, CsvMapping? Mapping)
{
    // Room for the boundaries, part headers and the small fields around the file.
    public const long MaxBodyBytes = StatementReader.MaxFileBytes + 256 * 1024;

    private static readonly FormOptions Limits = new()
    {
        MultipartBodyLengthLimit = MaxBodyBytes,
        ValueCountLimit = 8,
        ValueLengthLimit = 16 * 1024,
        KeyLengthLimit = 64,
        MultipartHeadersLengthLimit = 8 * 1024,
    };

    public static async Task<(ImportUpload? Upload, Dictionary<string, string[]> Errors)> ReadAsync(
        HttpRequest request, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            errors["file"] = ["Send the bank file as multipart/form-data, in a field named 'file'."];
            return (null, errors);
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(Limits, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            errors["file"] = [$"The form could not be read: {ex.Message}"];
            return (null, errors);
        }

        var file = form.Files.GetFile("file");
        if (file is null)
        {
            errors["file"] = ["Choose a bank file (CSV, OFX, QFX or QIF) in the field 'file'."];
        }
        else if (file.Length > StatementReader.MaxFileBytes)
        {
            errors["file"] = [$"The file is larger than {StatementReader.MaxFileBytes / (1024 * 1024)} MB."];
        }
        long accountId = 0;
        if (string.IsNullOrWhiteSpace(form["accountId"]))
        {
            errors["accountId"] = ["Choose the account to import into."];
        }
        else if (!long.TryParse(form["accountId"], out accountId))
        {
            errors["accountId"] = ["'accountId' must be an id."];
        }
        var (mapping, mappingError) = ParseMapping(form["mapping"], json);
        if (mappingError is not null)
        {
            errors["mapping"] = [mappingError];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var content = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        return (new ImportUpload(content, CleanFileName(file.FileName), accountId, mapping), errors);
    }

    public static (CsvMapping? Mapping, string? Error) ParseMapping(string? text, JsonSerializerOptions json)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }
        try
        {
            return (JsonSerializer.Deserialize<CsvMapping>(text, json), null);
        }
        catch (JsonException ex)
        {
            return (null, $"'mapping' must be a JSON object like {{\"date\": \"Date\", \"amount\": \"Amount\"}}: {ex.Message}");
        }
    }

    /// <summary>The name without any client path, at most 255 characters.</summary>
    private static string CleanFileName(string? name)
    {
        var clean = Path.GetFileName((name ?? "").Replace('\\', '/')).Trim();
        clean = new string(clean.Where(c => !char.IsControl(c)).ToArray());
        return clean.Length == 0 ? "upload" : clean.Length > 255 ? clean[..255] : clean;
    }
}
