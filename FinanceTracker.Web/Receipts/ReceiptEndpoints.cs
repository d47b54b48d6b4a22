using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace FinanceTracker.Web.Receipts;

/// <summary>
/// Receipt files go browser → Web → Api over plain HTTP, never through the Blazor circuit (whose
/// messages are small): the Web streams the bytes through with the person's Api token.
/// </summary>
internal static class ReceiptEndpoints
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>The Api's default limit; the Api decides, this only answers early for what it would refuse anyway.</summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    // Room for the multipart boundary and part headers around the file.
    private const long MultipartOverheadBytes = 64 * 1024;

    public static string UploadPath(long transactionId) => $"/receipts/upload/{transactionId}";

    public static string ContentPath(long receiptId) => $"/receipts/{receiptId}/content";

    public static IEndpointRouteBuilder MapReceiptEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/receipts").RequireAuthorization();
        group.MapPost("/upload/{transactionId:long}", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + MultipartOverheadBytes));
        group.MapGet("/{id:long}/content", ContentAsync);
        return endpoints;
    }

    /// <summary>A 10 MB photo over a slow phone connection takes a while; the browser's abort still ends it sooner.</summary>
    public static IServiceCollection AddReceiptProxy(this IServiceCollection services) =>
        services.AddStreamingApiClient<ReceiptProxy>(TimeSpan.FromMinutes(5));

    private static async Task<IResult> UploadAsync(
        long transactionId, HttpContext context, IAntiforgery antiforgery, ReceiptProxy proxy)
    {
        // The token must come in the header: without it antiforgery would fall back to buffering the whole form.
        if (!context.Request.Headers.ContainsKey(AntiforgeryHeader) || !await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: "The upload could not be verified", detail: "Reload the page and attach the receipt again.");
        }
        if (context.Request.ContentLength > MaxFileBytes + MultipartOverheadBytes)
        {
            return TooLarge();
        }
        var content = new StreamContent(context.Request.Body);
        content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        content.Headers.ContentLength = context.Request.ContentLength;
        return await proxy.SendAsync(HttpMethod.Post, $"api/transactions/{transactionId}/receipts", content, context.RequestAborted);
    }

    private static Task<IResult> ContentAsync(long id, HttpContext context, ReceiptProxy proxy) =>
        proxy.SendAsync(HttpMethod.Get, $"api/receipts/{id}/content", null, context.RequestAborted);

    private static IResult TooLarge() => TypedResults.Problem(new HttpValidationProblemDetails(
        new Dictionary<string, string[]> { ["file"] = ["Receipts can be at most 10 MB."] })
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The file is too large",
        Detail = "Receipts can be at most 10 MB.",
    });
}
