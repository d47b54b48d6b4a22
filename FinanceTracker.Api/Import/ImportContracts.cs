using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Import;

/// <summary>
/// How a CSV file's columns become transactions: the <c>mapping</c> field of <c>POST /api/imports</c> and of a commit.
/// A column is named by its header or by its zero-based index ("3"); "" means "no such column". Null fields are detected
/// from the file. <paramref name="Sign"/>: a column saying debit or credit (ING's Af/Bij, Knab's D/C, DR/CR) for unsigned amounts.
/// </summary>
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

/// <summary>What was read from the file (detected, or as the mapping said): shown for the person to confirm.</summary>
/// <param name="Format">csv, ofx or qif.</param>
/// <param name="Columns">CSV: the header names (or "Column 1"… when there is no header row); empty for OFX/QIF.</param>
/// <param name="Mapping">CSV: the mapping in effect, every column by header name; null for OFX/QIF.</param>
/// <param name="DateFormats">The date formats that read every row, the one used first; more than one means ambiguous.</param>
/// <param name="NeedsConfirmation">The file could be read more than one way (ambiguous dates, guessed columns).</param>
/// <param name="Warnings">Plain sentences about what was guessed or skipped.</param>
public sealed record ImportSettings(
    string Format,
    string Encoding,
    IReadOnlyList<string> Columns,
    CsvMapping? Mapping,
    IReadOnlyList<string> DateFormats,
    bool NeedsConfirmation,
    IReadOnlyList<string> Warnings);

/// <summary>One of the statement's accounts (one for CSV and QIF, one or more for OFX).</summary>
public sealed record ImportAccount(string Key, string? Number, string? Type, string? Currency, int Rows, long? SuggestedAccountId);

/// <summary>
/// A preview row. Status: new, duplicate (imported before, or looks like a hand-entered one: see reason), error.
/// <paramref name="CanInclude"/>: a duplicate that only looks like a hand-entered row, which the commit's <c>include</c> may add.
/// </summary>
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

/// <summary>
/// Which rows go where. No <paramref name="AccountMap"/>: every row goes to <paramref name="AccountId"/> (or the upload's).
/// No <paramref name="Include"/>: every new row; with it, exactly those lines (a flagged look-alike can be included,
/// a row imported before never is).
/// </summary>
public sealed record CommitImportRequest(
    long? AccountId = null,
    Dictionary<string, long>? AccountMap = null,
    CsvMapping? Mapping = null,
    List<int>? Include = null);

public sealed record ImportCommitResult(long ImportId, int Added, int SkippedDuplicates, int Errors);

/// <summary>A past import: what the Web lists with an undo button.</summary>
public sealed record ImportSummary(
    long Id, string FileName, string Format, string Status, long? AccountId, int Rows, int Added, DateTime CreatedAt, DateTime? CommittedAt);

public enum RuleMatch { Contains, Equals, Matches }

/// <summary>"Payee contains / equals / matches (regular expression) X → category Y, optionally rename payee, add tag".</summary>
public sealed record ImportRuleRequest(
    [Required] RuleMatch? Match,
    [Required, StringLength(200)] string? Pattern,
    long? CategoryId,
    [StringLength(200)] string? RenamePayee,
    [StringLength(50)] string? AddTag,
    int? Position);

public sealed record ImportRuleResponse(
    long Id, RuleMatch Match, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int Position);
