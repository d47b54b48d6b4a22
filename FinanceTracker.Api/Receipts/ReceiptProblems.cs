using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinanceTracker.Api.Receipts;

/// <summary>The expected failures of an upload, as problem details naming the file field.</summary>
internal static class ReceiptProblems
{
    public static ProblemHttpResult NotMultipart() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "The request is not multipart/form-data",
            "Send the receipt as multipart/form-data with the file in a field named 'file'.");

    public static ProblemHttpResult UnsupportedType() =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type",
            "Receipts must be JPEG, PNG, WebP or HEIC images, or PDF documents.");

    public static ProblemHttpResult TooLarge(long maxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "The file is too large",
            string.Create(CultureInfo.InvariantCulture, $"Receipts can be at most {maxBytes / (1024.0 * 1024.0):0.##} MB."));

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [MultipartFile.FieldName] = [detail] })
        {
            Status = status,
            Title = title,
            Detail = detail,
        });
}
