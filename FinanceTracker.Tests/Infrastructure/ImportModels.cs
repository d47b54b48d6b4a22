namespace FinanceTracker.Tests.Infrastructure;

// The import Api's JSON as an outside client sees it.
public sealed record ImportPreviewModel(
    long Id, string Format, string FileName, ImportSettingsModel Settings, List<ImportAccountModel> Accounts,
    List<ImportRowModel> Rows, ImportCountsModel Counts);

public sealed record ImportSettingsModel(
    string Format, string Encoding, List<string> Columns, Dictionary<string, object?>? Mapping, List<string> DateFormats,
    bool NeedsConfirmation, List<string> Warnings);

public sealed record ImportAccountModel(string Key, string? Number, string? Type, string? Currency, int Rows, long? SuggestedAccountId);

public sealed record ImportRowModel(
    int Line, string AccountKey, string? Date, decimal? Amount, string Payee, string Notes, string Status,
    long? DuplicateOfId, string? Reason, string? Error, long? CategoryId, long? RuleId, bool CanInclude);

public sealed record ImportCountsModel(int Rows, int New, int Duplicates, int Errors);

public sealed record ImportCommitModel(long ImportId, int Added, int SkippedDuplicates, int Errors);

public sealed record ImportSummaryModel(
    long Id, string FileName, string Format, string Status, long? AccountId, int Rows, int Added, DateTime CreatedAt, DateTime? CommittedAt);

public sealed record ImportRuleModel(long Id, string Match, string Pattern, long? CategoryId, string? RenamePayee, string? AddTag, int Position);
