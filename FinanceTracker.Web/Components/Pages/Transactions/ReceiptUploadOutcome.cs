using System.Text.Json;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>What the receipt proxy answered to one upload, as the section shows it: the receipt, or why not in words.</summary>
public sealed record ReceiptUploadOutcome(Receipt? Attached, string? Error, bool SignedOut = false)
{
    public const string TooLarge = "The file is larger than 10 MB.";
    public const string Unsupported = "Only JPEG, PNG, WebP, HEIC images and PDF files can be attached.";

    /// <param name="status">The HTTP status, or 0 when the request never got an answer.</param>
    public static ReceiptUploadOutcome From(int status, string? body) => status switch
    {
        201 or 200 when Read<Receipt>(body) is { } receipt => new(receipt, null),
        401 => new(null, null, SignedOut: true),
        413 => Failed(TooLarge),
        415 => Failed(Unsupported),
        404 => Failed("This transaction was deleted elsewhere, so nothing can be attached to it."),
        0 => Failed("The upload was interrupted. Check your connection and try again."),
        >= 500 => Failed("Receipts can't be stored right now. Your transaction is safe; try again in a moment."),
        _ => Failed(FileError(body) ?? "The receipt could not be attached. Try again."),
    };

    private static ReceiptUploadOutcome Failed(string message) => new(null, message);

    private static string? FileError(string? body) => Read<ApiProblem>(body) is { } problem
        ? problem.Errors?.GetValueOrDefault("file")?.FirstOrDefault() ?? problem.Detail ?? problem.Title
        : null;

    private static T? Read<T>(string? body) where T : class
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonSerializer.Deserialize<T>(body, ApiJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
