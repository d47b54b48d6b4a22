using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using MySqlConnector;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Exports of the transactions (CSV or JSON, the list's filters, oldest first) and the full backup (JSON, or a zip with
/// the receipts), all streamed from one database snapshot; and the restore of a backup into an empty user.
/// </summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        var exports = routes.MapGroup("/api/exports").WithTags("Exports").RequireAuthorization();
        exports.MapGet("/transactions", ExportTransactions);
        exports.MapGet("/backup", ExportBackup);

        routes.MapPost("/api/imports/backup", BackupRestore.RestoreAsync)
            .WithTags("Exports")
            .RequireAuthorization()
            .InvalidatesAnalytics()
            .ReleasesMemoryAfterward()
            .WithMetadata(new RequestSizeLimitAttribute(BackupUpload.MaxBytes))
            .ProducesProblem(StatusCodes.Status409Conflict)
            // Bearer-token auth: no cookie rides along that a cross-site form could borrow.
            .DisableAntiforgery();
        return routes;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportTransactions(
        HttpContext http, CurrentUser caller, MySqlDataSource db, TimeProvider clock)
    {
        var filter = TransactionFilter.Parse(http.Request.Query);
        var errors = new Dictionary<string, string[]>(filter.Errors);
        var format = http.Request.Query["format"].ToString();
        if (format is not ("" or "csv" or "json"))
        {
            errors["format"] = ["'format' must be csv or json."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (userId, cancellationToken) = (caller.Id, http.RequestAborted);
        var json = format == "json";
        return TypedResults.Stream(async body =>
            {
                await using var snapshot = await ExportSnapshot.OpenAsync(db, cancellationToken);
                await (json
                    ? TransactionJson.WriteAsync(body, snapshot, userId, filter, cancellationToken)
                    : TransactionCsv.WriteAsync(body, snapshot, userId, filter, cancellationToken));
            },
            json ? TransactionJson.ContentType : TransactionCsv.ContentType,
            FileName("transactions", clock, json ? "json" : "csv"));
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportBackup(
        HttpContext http, CurrentUser caller, MySqlDataSource db, ReceiptBlobs blobs, TimeProvider clock)
    {
        var receipts = http.Request.Query["receipts"].ToString();
        if (receipts is not ("" or "true" or "false"))
        {
            return Infrastructure.Problems.Invalid("receipts", "'receipts' must be true or false.");
        }
        var (userId, cancellationToken, exportedAt) = (caller.Id, http.RequestAborted, clock.GetUtcNow().UtcDateTime);
        var zip = receipts == "true";
        return TypedResults.Stream(async body =>
            {
                await using var snapshot = await ExportSnapshot.OpenAsync(db, cancellationToken);
                if (zip)
                {
                    await BackupZip.WriteAsync(body, snapshot, blobs, userId, exportedAt, cancellationToken);
                }
                else
                {
                    var metadata = (await BackupStore.ReceiptsAsync(snapshot, userId, cancellationToken)).Select(r => r.Receipt).ToList();
                    await BackupWriter.WriteAsync(body, snapshot, userId, exportedAt, metadata, cancellationToken);
                }
            },
            zip ? "application/zip" : "application/json; charset=utf-8",
            FileName("backup", clock, zip ? "zip" : "json"));
    }

    private static string FileName(string what, TimeProvider clock, string extension) =>
        $"financetracker-{what}-{clock.GetUtcNow():yyyy-MM-dd}.{extension}";
}
