using System.Text.Json;
using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Auth;
using FinanceTracker.Api.Auth.Protection;
using FinanceTracker.Api.Import.Rules;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Receipts;
using FinanceTracker.Api.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace FinanceTracker.Api.Import;

/// <summary>
/// Bank import in two steps: an upload is read and previewed (nothing written), then committed in one database
/// transaction (all or nothing), and can be undone as a whole.
/// </summary>
public static class ImportsApi
{
    public static RouteGroupBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RequireAuthorization().ReleasesMemoryAfterward();

        group.MapPost("/", UploadAsync)
            .WithMetadata(new RequestSizeLimitAttribute(ImportUpload.MaxBodyBytes))
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .DisableAntiforgery();
        group.MapGet("/", ListAsync);
        group.MapPost("/{id:long}/preview", ReadAgainAsync);
        group.MapPost("/{id:long}/commit", CommitAsync).InvalidatesAnalytics().RetriesDeadlocks();
        group.MapDelete("/{id:long}/transactions", UndoAsync).InvalidatesAnalytics().RetriesDeadlocks();
        group.MapDelete("/{id:long}", DiscardAsync);
        return group;
    }

    public sealed record ReadAgainRequest(CsvMapping? Mapping);

    public sealed record UndoResult(int Removed);

    private static async Task<Results<Ok<ImportPreview>, ValidationProblem>> UploadAsync(
        HttpRequest request, CurrentUser caller, MySqlDataSource db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (upload, errors) = await ImportUpload.ReadAsync(request, json.Value.SerializerOptions, cancellationToken);
        if (upload is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var currencies = await ImportStore.AccountCurrenciesAsync(connection, null, caller.Id);
        if (!currencies.ContainsKey(upload.AccountId))
        {
            return Problems.Invalid("accountId", "No such account.");
        }

        var mapping = upload.Mapping;
        var remembered = mapping is null && await ImportStore.RememberedMappingAsync(connection, caller.Id, upload.AccountId) is { } saved
            ? ImportUpload.ParseMapping(saved, json.Value.SerializerOptions).Mapping
            : null;
        // The stored copy is compressed on another core while this one reads the file.
        var (buffer, length) = (upload.Content.GetBuffer(), (int)upload.Content.Length);
        var compressing = Task.Run(() => ImportContent.Compress(buffer.AsSpan(0, length)));
        var (read, problem) = Read(upload.Content, upload.FileName, mapping, remembered);
        if (read is null)
        {
            return problem!;
        }

        var stored = await compressing;
        var mappingJson = Serialize(read.Settings.Mapping, json);
        var id = await ImportStore.InsertPreviewAsync(connection, caller.Id, upload.AccountId, upload.FileName, read.Statement.Format, stored,
            mappingJson, read.Statement.RowCount);
        var rows = await PreviewPlanAsync(connection, caller.Id, id, mappingJson, read, new ImportTarget(upload.AccountId, currencies[upload.AccountId]));
        return TypedResults.Ok(Preview(id, upload.FileName, read, rows, upload.AccountId));
    }

    private static async Task<Results<Ok<ImportPreview>, NotFound, ValidationProblem, ProblemHttpResult>> ReadAgainAsync(
        long id, ReadAgainRequest request, CurrentUser caller, MySqlDataSource db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var record = await ImportStore.FindAsync(connection, null, caller.Id, id);
        if (record is null)
        {
            return TypedResults.NotFound();
        }
        if (record.Content is null || record.AccountId is not { } accountId)
        {
            return AlreadyCommitted(record);
        }
        using var content = ImportContent.Open(record.Content);
        var (read, problem) = Read(content, record.FileName, request.Mapping, remembered: null);
        if (read is null)
        {
            return problem!;
        }
        var mappingJson = Serialize(read.Settings.Mapping, json);
        await ImportStore.UpdateMappingAsync(connection, caller.Id, id, mappingJson);
        var currencies = await ImportStore.AccountCurrenciesAsync(connection, null, caller.Id);
        var rows = await PreviewPlanAsync(connection, caller.Id, id, mappingJson, read, new ImportTarget(accountId, currencies[accountId]));
        return TypedResults.Ok(Preview(id, record.FileName, read, rows, accountId));
    }

    private static async Task<Results<Ok<ImportCommitResult>, NotFound, ValidationProblem, ProblemHttpResult>> CommitAsync(
        long id, CommitImportRequest request, CurrentUser caller, MySqlDataSource db, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var userId = caller.Id;
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The upload first, then accounts, rows and categories: a second commit of the same upload waits here and then finds it done.
        var record = await ImportStore.FindAsync(connection, transaction, userId, id, forUpdate: true);
        if (record is null)
        {
            return TypedResults.NotFound();
        }
        if (record.Content is null || record.AccountId is not { } uploadAccount)
        {
            return AlreadyCommitted(record);
        }

        // The file as the preview read it, when this process still holds it and the mapping is the previewed one.
        var cached = ImportPlanCache.Take(userId, id, record.Mapping) is { } kept && request.Mapping is null ? kept : null;
        var read = cached?.Read;
        if (read is null)
        {
            var mapping = request.Mapping ?? (record.Mapping is { } saved ? ImportUpload.ParseMapping(saved, json.Value.SerializerOptions).Mapping : null);
            using var content = ImportContent.Open(record.Content);
            (read, var problem) = Read(content, record.FileName, mapping, remembered: null);
            if (read is null)
            {
                return problem!;
            }
        }

        var defaultAccount = request.AccountId ?? uploadAccount;
        var wanted = read.Statement.Accounts.ToDictionary(a => a.Key, a => request.AccountMap?.GetValueOrDefault(a.Key) ?? defaultAccount);
        var currencies = await TransactionWrites.LockAccountsAsync(connection, transaction, userId, [.. wanted.Values.Distinct().Order()]);
        foreach (var (key, accountId) in wanted)
        {
            if (!currencies.ContainsKey(accountId))
            {
                return Problems.Invalid(request.AccountMap?.ContainsKey(key) == true ? $"accountMap.{key}" : "accountId", "No such account.");
            }
        }
        var targets = wanted.ToDictionary(w => w.Key, w => new ImportTarget(w.Value, currencies[w.Value]));
        var keyed = cached is not null && targets.Values.All(t => t == cached.Target) ? cached.Keyed : ImportPlan.Keys(read.Statement, targets);
        var rows = await PlanAsync(connection, transaction, userId, keyed);

        var include = request.Include?.ToHashSet();
        var chosen = rows.Where(r => include is null
            ? r.Status == PlannedStatus.New
            : include.Contains(r.Line) && r.Status is PlannedStatus.New or PlannedStatus.LookAlike).ToList();
        var categories = await ExistingCategoriesAsync(connection, transaction, userId, chosen);
        long? Existing(long? categoryId) => categoryId is { } c && categories.Contains(c) ? c : null;
        await TransactionBatches.InsertAsync(connection, transaction, userId, chosen.Select(r => new BatchTransaction(
            r.Target!.AccountId, Existing(r.CategoryId), r.Source!.Date, r.Source.Amount, r.Target.Currency, r.Payee, r.Notes)
        {
            ImportId = id,
            ImportKey = Convert.FromHexString(r.KeyHex!),
            Tags = r.Tag is { } tag ? [tag] : [],
            Parts = r.Parts.Select(p => p with { CategoryId = Existing(p.CategoryId) }).ToList(),
        }).ToList(), returnIds: false);

        var mappingJson = Serialize(read.Settings.Mapping, json);
        await ImportStore.MarkCommittedAsync(connection, transaction, userId, id, defaultAccount, chosen.Count, mappingJson);
        if (mappingJson is not null)
        {
            await ImportStore.RememberMappingAsync(connection, transaction, userId, defaultAccount, mappingJson);
        }
        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (MySqlException ex) when (ex.ErrorCode is MySqlErrorCode.DuplicateKeyEntry)
        {
            return Problems.Conflict("Some of these rows were imported by another import at the same moment. Preview the file again.");
        }
        var counts = ImportPlan.Count(rows);
        return TypedResults.Ok(new ImportCommitResult(id, chosen.Count, counts.Duplicates - chosen.Count(r => r.Status == PlannedStatus.LookAlike), counts.Errors));
    }

    private static async Task<Results<Ok<UndoResult>, NotFound, ProblemHttpResult>> UndoAsync(
        long id, CurrentUser caller, MySqlDataSource db, BlobDeletions blobDeletions, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var record = await ImportStore.FindAsync(connection, transaction, caller.Id, id, forUpdate: true);
        if (record is null)
        {
            return TypedResults.NotFound();
        }
        if (record.Status != ImportStore.Committed)
        {
            return Problems.Conflict(record.Status == ImportStore.Undone
                ? "This import was undone already."
                : "This import was not committed, so it added nothing to undo.");
        }
        var (removed, receiptBlobs) = await TransactionBatches.DeleteImportAsync(connection, transaction, caller.Id, id);
        await ImportStore.MarkUndoneAsync(connection, transaction, caller.Id, id);
        await transaction.CommitAsync(cancellationToken);
        await blobDeletions.DeleteNowAsync(receiptBlobs);
        return TypedResults.Ok(new UndoResult(removed));
    }

    private static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DiscardAsync(long id, CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        if (await ImportStore.DeletePreviewAsync(connection, caller.Id, id))
        {
            ImportPlanCache.Forget(id);
            return TypedResults.NoContent();
        }
        return await ImportStore.FindAsync(connection, null, caller.Id, id) is { } record ? AlreadyCommitted(record) : TypedResults.NotFound();
    }

    private static async Task<Ok<List<ImportSummary>>> ListAsync(CurrentUser caller, MySqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        return TypedResults.Ok(await ImportStore.ListAsync(connection, caller.Id));
    }

    /// <summary>
    /// Reads the file; a whole-file problem is 400 on the field the reader names (<c>file</c>, or <c>mapping</c> for a
    /// column, encoding or format the mapping gave that the file does not have). A remembered mapping that no longer
    /// fits the file is dropped quietly and the file read as detected.
    /// </summary>
    private static (StatementReadResult? Read, ValidationProblem? Problem) Read(Stream content, string fileName, CsvMapping? mapping, CsvMapping? remembered)
    {
        try
        {
            return (StatementReader.Read(content, fileName, mapping ?? remembered), null);
        }
        catch (StatementFormatException ex) when (mapping is null && remembered is not null && ex.Field == "mapping")
        {
            content.Position = 0;
            return Read(content, fileName, null, null);
        }
        catch (StatementFormatException ex)
        {
            return (null, Problems.Invalid(ex.Field, ex.Message));
        }
    }

    /// <summary>A preview's plan, every row to <paramref name="target"/>; the file's side is kept for the commit.</summary>
    private static Task<List<PlannedRow>> PreviewPlanAsync(
        MySqlConnection connection, long userId, long id, string? mappingJson, StatementReadResult read, ImportTarget target)
    {
        var keyed = ImportPlan.Keys(read.Statement, read.Statement.Accounts.ToDictionary(a => a.Key, _ => target));
        ImportPlanCache.Keep(new(userId, id, mappingJson, target, read, keyed));
        return PlanAsync(connection, null, userId, keyed);
    }

    private static async Task<List<PlannedRow>> PlanAsync(MySqlConnection connection, MySqlTransaction? transaction, long userId, List<PlannedRow> keyed)
    {
        var matches = await ImportStore.MatchesAsync(connection, transaction, userId, keyed);
        var rules = await ImportRuleStore.RuleSetAsync(connection, transaction, userId);
        var categories = await ImportStore.CategoriesByNameAsync(connection, transaction, userId);
        return ImportPlan.Classify(keyed, matches, rules, categories);
    }

    /// <summary>Share-locks the categories the rows use; one deleted meanwhile leaves its rows uncategorised.</summary>
    private static async Task<HashSet<long>> ExistingCategoriesAsync(MySqlConnection connection, MySqlTransaction transaction, long userId, List<PlannedRow> rows)
    {
        var existing = new HashSet<long>();
        foreach (var categoryId in rows.SelectMany(r => r.Parts.Select(p => p.CategoryId).Append(r.CategoryId)).OfType<long>().Distinct().Order())
        {
            if (await TransactionWrites.CategoryExistsAsync(connection, transaction, userId, categoryId))
            {
                existing.Add(categoryId);
            }
        }
        return existing;
    }

    private static ImportPreview Preview(long id, string fileName, StatementReadResult read, List<PlannedRow> rows, long accountId) => new(
        id, read.Statement.Format, fileName, read.Settings,
        read.Statement.Accounts.Select(a => new ImportAccount(a.Key, a.Number, a.Type, a.Currency, a.Lines.Count, accountId)).ToList(),
        rows.Select(r => r.ToRow()).ToList(),
        ImportPlan.Count(rows));

    private static string? Serialize(CsvMapping? mapping, IOptions<JsonOptions> json) =>
        mapping is null ? null : JsonSerializer.Serialize(mapping, json.Value.SerializerOptions);

    private static ProblemHttpResult AlreadyCommitted(ImportRecord record) => Problems.Conflict(record.Status == ImportStore.Undone
        ? "This import was committed and then undone. Upload the file again to import it anew."
        : "This import was committed already.");
}
