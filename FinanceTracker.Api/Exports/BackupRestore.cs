using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// POST /api/imports/backup: a backup into a user with no accounts and no transactions. The whole document is checked
/// first (400 naming the path), the receipts' bytes are uploaded next (no DB transaction open), then everything is
/// written in one DB transaction, so a failed restore writes nothing.
/// </summary>
internal static class BackupRestore
{
    public static async Task<Results<Ok<RestoreResult>, ValidationProblem, ProblemHttpResult>> RestoreAsync(
        HttpRequest request, CurrentUser caller, MySqlDataSource db, ReceiptBlobs blobs, IOptions<ReceiptOptions> receiptOptions,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var userId = caller.Id;
        var (upload, invalid) = await BackupUpload.ReadAsync(request, cancellationToken);
        if (upload is null)
        {
            return invalid!;
        }
        await using var _ = upload;
        var document = upload.Document;
        var errors = BackupValidator.Validate(document, receiptOptions.Value.MaxBytes, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var receipts = document.Receipts ?? [];
        var files = new List<(BackupReceipt, System.IO.Compression.ZipArchiveEntry, string)>();
        if (upload.Zip is { } zip)
        {
            (files, errors) = await BackupReceipts.CheckAsync(zip, receipts, cancellationToken);
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
        }
        if (await NotEmptyAsync(db, userId, cancellationToken) is { } notEmpty)
        {
            return notEmpty;
        }

        var staged = await BackupReceipts.UploadAsync(db, blobs, userId, files, cancellationToken);
        try
        {
            var result = await WriteAsync(db, userId, document, staged, receipts.Count - staged.Count, cancellationToken);
            if (result.Result is not Ok<RestoreResult>)
            {
                await BackupReceipts.DiscardAsync(db, blobs, staged);
            }
            return result;
        }
        catch
        {
            await BackupReceipts.DiscardAsync(db, blobs, staged);
            throw;
        }
    }

    private static async Task<Results<Ok<RestoreResult>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        MySqlDataSource db, long userId, BackupDocument document, List<StagedReceipt> staged, int receiptsWithoutFile, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var writes = new BackupWrites(connection, transaction, userId);
        if (NotEmpty(await writes.LockAndCountAsync()) is { } notEmpty)
        {
            return notEmpty;
        }
        await writes.AccountsAsync(document.Accounts!);
        if (await writes.CategoriesAsync(document.Categories!) is { } duplicate)
        {
            return Problems.Invalid($"categories[{duplicate}].name", "Another category of this kind has the same name (ignoring case and accents).");
        }
        await writes.ImportRulesAsync(document.ImportRules ?? []);
        var recurringRules = document.RecurringRules ?? [];
        var budgets = document.Budgets ?? [];
        await writes.RecurringRulesAsync(recurringRules);
        await writes.BudgetsAsync(budgets);
        var posted = recurringRules.SelectMany(r => r.Postings ?? []).Select(p => p.TransactionId);
        var wanted = staged.Select(s => s.Receipt.TransactionId).Concat(posted).OfType<long>().ToHashSet();
        var (transactionIds, tags) = await writes.TransactionsAsync(document.Transactions!, wanted);
        await writes.PostingsAsync(recurringRules, transactionIds);
        await writes.ReceiptsAsync(staged, transactionIds);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new RestoreResult(document.Accounts!.Count, document.Categories!.Count, document.Transactions!.Count, tags,
            document.ImportRules?.Count ?? 0, staged.Count, receiptsWithoutFile, recurringRules.Count, budgets.Count));
    }

    /// <summary>The early answer, before any receipt is uploaded; the DB transaction checks again under its lock.</summary>
    private static async Task<ProblemHttpResult?> NotEmptyAsync(MySqlDataSource db, long userId, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        return NotEmpty(await new BackupWrites(connection, transaction, userId).LockAndCountAsync());
    }

    private static ProblemHttpResult? NotEmpty((long Accounts, long Transactions) counts) =>
        counts is (0, 0) ? null : Problems.Conflict(
            $"A backup can only be restored into an empty user: this one has {counts.Accounts} account(s) and {counts.Transactions} " +
            "transaction(s). Restore into a new user, or delete the accounts first.");
}
