namespace FinanceTracker.Web.Api;

// Mirrors FinanceTracker.Api/Import/ImportContracts.cs (the Web never references the Api project);
// ContractMirrorTests fails when the two drift apart.

public sealed record CsvMapping(
    string? Date = null,
    string? Amount = null,
    string? Debit = null,
    string? Credit = null,
    string? Payee = null,
    string? Notes = null,
    string? Category = null,
    string? DateFormat = null,
    string? DecimalSeparator = null,
    int? SkipRows = null,
    string? Delimiter = null,
    string? Encoding = null,
    bool? HasHeader = null,
    string? Sign = null);

public sealed record ImportSettings(
    string Format,
    string Encoding,
    IReadOnlyList<string> Columns,
    CsvMapping? Mapping,
    IReadOnlyList<string> DateFormats,
    bool NeedsConfirmation,
    IReadOnlyList<string> Warnings);

public sealed record ImportAccount(string Key, string? Number, string? Type, string? Currency, int Rows, long? SuggestedAccountId);

public sealed record ImportRow(
    int Line,
    string AccountKey,
    DateOnly? Date,
    decimal? Amount,
    string Payee,
    string Notes,
    string Status,
    long? DuplicateOfId = null,
    string? Reason = null,
    string? Error = null,
    long? CategoryId = null,
    long? RuleId = null,
    bool CanInclude = false);

public sealed record ImportCounts(int Rows, int New, int Duplicates, int Errors);

public sealed record ImportPreview(
    long Id,
    string Format,
    string FileName,
    ImportSettings Settings,
    IReadOnlyList<ImportAccount> Accounts,
    IReadOnlyList<ImportRow> Rows,
    ImportCounts Counts);

public sealed record CommitImportRequest(
    long? AccountId = null,
    Dictionary<string, long>? AccountMap = null,
    CsvMapping? Mapping = null,
    List<int>? Include = null);

public sealed record ImportCommitResult(long ImportId, int Added, int SkippedDuplicates, int Errors);

public sealed record ImportSummary(
    long Id, string FileName, string Format, string Status, long? AccountId, int Rows, int Added, DateTime CreatedAt, DateTime? CommittedAt);

public enum RuleMatch { Contains, Equals, Matches }

public sealed record ImportRuleRequest(RuleMatch? Match, string? Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int? Position);

public sealed record ImportRuleResponse(
    long Id, RuleMatch Match, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int Position);

/// <summary>The body of <c>POST /api/imports/{id}/preview</c>.</summary>
public sealed record PreviewImportRequest(CsvMapping? Mapping);

/// <summary>What <c>DELETE /api/imports/{id}/transactions</c> answers.</summary>
public sealed record UndoImportResult(int Removed);
