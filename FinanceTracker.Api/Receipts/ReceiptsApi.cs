using Dapper;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Auth.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using MySqlConnector;

namespace FinanceTracker.Api.Receipts;

public static class ReceiptsApi
{
    private const string SelectColumns =
        "SELECT id, transaction_id, blob_name, file_name, content_type, size, uploaded_at FROM receipts";

    // Room for the multipart boundaries and part headers around the file itself.
    private const long MultipartOverheadBytes = 64 * 1024;

    public static RouteGroupBuilder MapReceiptsApi(this IEndpointRouteBuilder routes)
    {
        var maxBytes = routes.ServiceProvider.GetRequiredService<IOptions<ReceiptOptions>>().Value.MaxBytes;
        var group = routes.MapGroup("/api").WithTags("Receipts").RequireAuthorization();

        group.MapPost("/transactions/{id:long}/receipts",
                (long id, HttpRequest request, CurrentUser caller, ReceiptUploader uploader, CancellationToken cancellationToken) =>
                    uploader.UploadAsync(caller.Id, id, request, cancellationToken))
            .AddOpenApiOperationTransformer(DescribeUploadForm)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithMetadata(new RequestSizeLimitAttribute(maxBytes + MultipartOverheadBytes))
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            // Bearer-token auth: no cookie rides along that a cross-site form could borrow.
            .DisableAntiforgery();
        group.MapGet("/transactions/{id:long}/receipts", ListAsync);
        group.MapGet("/receipts/{id:long}", GetAsync);
        group.MapGet("/receipts/{id:long}/content", ContentAsync)
            .Produces<Stream>(StatusCodes.Status200OK, ContentSniffer.ContentTypes[0], additionalContentTypes: ContentSniffer.ContentTypes[1..])
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        group.MapDelete("/receipts/{id:long}", DeleteAsync);
        return group;
    }

    /// <summary>
    /// The form as OpenAPI shows it. Not Accepts(): that would make routing answer 415 before
    /// authentication answers 401, and the handler reads the multipart body itself anyway.
    /// </summary>
    private static Task DescribeUploadForm(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "JPEG, PNG, WebP, HEIC or PDF" };
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string> { MultipartFile.FieldName },
            Properties = new Dictionary<string, IOpenApiSchema> { [MultipartFile.FieldName] = file },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } },
        };
        return Task.CompletedTask;
    }

    internal static Task<bool> TransactionExistsAsync(
        MySqlConnection connection, MySqlTransaction? transaction, long userId, long transactionId, bool lockShared = false) =>
        connection.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM transactions WHERE id = @transactionId AND user_id = @userId{(lockShared ? " LOCK IN SHARE MODE" : "")})",
            new { transactionId, userId }, transaction);

    internal static Task<ReceiptRow?> FindAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, long id) =>
        connection.QuerySingleOrDefaultAsync<ReceiptRow>(
            $"{SelectColumns} WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);

    private static async Task<Results<Ok<List<ReceiptResponse>>, NotFound>> ListAsync(long id, CurrentUser caller, MySqlDataSource db)
    {
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        if (!await TransactionExistsAsync(connection, null, userId, id))
        {
            return TypedResults.NotFound();
        }
        var rows = await connection.QueryAsync<ReceiptRow>(
            $"{SelectColumns} WHERE user_id = @userId AND transaction_id = @id ORDER BY id", new { userId, id });
        return TypedResults.Ok(rows.Select(r => r.ToResponse()).ToList());
    }

    private static async Task<Results<Ok<ReceiptResponse>, NotFound>> GetAsync(long id, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await FindAsync(connection, null, caller.Id, id);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(row.ToResponse());
    }

    /// <summary>The bytes as stored, shown inline under the original name; nosniff keeps browsers to the sniffed type.</summary>
    private static async Task<Results<FileStreamHttpResult, NotFound>> ContentAsync(
        long id, HttpResponse response, CurrentUser caller, MySqlDataSource db, ReceiptBlobs blobs, CancellationToken cancellationToken)
    {
        ReceiptRow? row;
        await using (var connection = await db.OpenConnectionAsync(cancellationToken))
        {
            row = await FindAsync(connection, null, caller.Id, id);
        }
        if (row is null)
        {
            return TypedResults.NotFound();
        }
        var download = await blobs.DownloadAsync(row.BlobName, cancellationToken);
        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(row.FileName);
        response.Headers.ContentDisposition = disposition.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        response.ContentLength = download.Details.ContentLength;
        return TypedResults.Stream(download.Content, row.ContentType);
    }

    /// <summary>The row goes now; its blob right after the commit, or later from the outbox if storage is down.</summary>
    private static async Task<Results<NoContent, NotFound>> DeleteAsync(long id, CurrentUser caller, MySqlDataSource db, BlobDeletions deletions)
    {
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var blobNames = await BlobDeletions.QueueReceiptAsync(connection, transaction, userId, id);
        if (blobNames.Count == 0)
        {
            return TypedResults.NotFound();
        }
        await connection.ExecuteAsync("DELETE FROM receipts WHERE id = @id AND user_id = @userId", new { id, userId }, transaction);
        await transaction.CommitAsync();
        await deletions.DeleteNowAsync(blobNames);
        return TypedResults.NoContent();
    }
}
