using System.Text.Json.Serialization;

namespace FinanceTracker.Api.Exports;

// The backup document (GET /api/exports/backup, POST /api/imports/backup). Every field is nullable so that a
// restore can name each missing one by its path; ids are the source's and only link the document's parts.

public sealed record BackupDocument(
    string? Format,
    int? FormatVersion,
    DateTime? ExportedAt,
    List<BackupAccount>? Accounts,
    List<BackupCategory>? Categories,
    List<BackupImportRule>? ImportRules,
    List<BackupReceipt>? Receipts,
    List<BackupTransaction>? Transactions,
    List<BackupRecurringRule>? RecurringRules = null,
    List<BackupBudgetLine>? Budgets = null)
{
    public const string FormatName = "financetracker-backup";
    public const int CurrentVersion = 1;
}

/// <param name="ImportMapping">The CSV column mapping remembered for the account's imports (JSON text as stored).</param>
public sealed record BackupAccount(
    long? Id, string? Name, string? Type, string? Currency, decimal? OpeningBalance, bool? Archived, string? ImportMapping);

public sealed record BackupCategory(long? Id, string? Name, string? Kind, long? ParentId, string? Color);

public sealed record BackupImportRule(
    long? Id, int? Position, string? Match, string? Pattern, long? CategoryId, string? RenamePayee, string? AddTag);

/// <param name="Sha256">Hex SHA-256 of the bytes; only in a zip backup, which carries them at receipts/{id}/{fileName}.</param>
public sealed record BackupReceipt(
    long? Id, long? TransactionId, string? FileName, string? ContentType, long? Size, string? Sha256, DateTime? UploadedAt);

/// <param name="ImportKey">The bank-import de-duplication key (hex), so re-importing an old statement after a restore adds nothing.</param>
/// <param name="TransferId">Links the two sides of a transfer (one side alone when the other's account was deleted).</param>
/// <param name="Splits">A split transaction's parts, in order; null or empty for a plain one.</param>
/// <param name="RecurringId">The recurring rule that posted it; left out when none did (most rows of a big ledger).</param>
/// <param name="Cleared">True when seen on a bank statement; left out otherwise. <paramref name="Reconciled"/> likewise.</param>
public sealed record BackupTransaction(
    long? Id, long? AccountId, long? CategoryId, DateOnly? Date, decimal? Amount, string? Currency,
    string? Payee, string? Notes, List<string>? Tags, string? ImportKey, long? TransferId = null, List<BackupSplit>? Splits = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? RecurringId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Cleared = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Reconciled = null);

public sealed record BackupSplit(long? CategoryId, decimal? Amount, string? Notes);

/// <summary>A recurring rule with its terms (as <c>POST /api/recurring</c> takes them) and where its posting stands.</summary>
/// <param name="Frequency">daily, weekly, monthly or yearly.</param>
/// <param name="EffectiveFrom">The first date the current terms apply to: the start, or the day after the last edit.</param>
/// <param name="NextDate">The next occurrence not posted yet; null once the series has ended.</param>
/// <param name="Postings">Every occurrence posted so far: the key (rule, date) that keeps a restored rule from posting it again.</param>
public sealed record BackupRecurringRule(
    long? Id, long? AccountId, long? CategoryId, decimal? Amount, string? Currency, string? Payee, string? Notes,
    string? Frequency, int? Interval, Recurring.DayOfMonth? DayOfMonth, DateOnly? StartDate, DateOnly? EndDate, int? Count,
    DateOnly? EffectiveFrom, DateOnly? NextDate, List<BackupPosting>? Postings, DateTime? CreatedAt = null, DateTime? UpdatedAt = null);

/// <param name="TransactionId">The transaction the occurrence became; null when it was deleted since (it stays posted).</param>
public sealed record BackupPosting(DateOnly? Date, long? TransactionId);

/// <summary>One line of a month's budget in one currency.</summary>
/// <param name="Month">yyyy-MM.</param>
/// <param name="Rollover">Whether the line's unspent remainder carries into the next month.</param>
public sealed record BackupBudgetLine(string? Month, string? Currency, long? CategoryId, decimal? Amount, bool? Rollover);

/// <summary>What a restore wrote.</summary>
/// <param name="ReceiptsWithoutFile">Receipts listed in a JSON-only backup: their bytes were not in it, so they were left out.</param>
/// <param name="Budgets">Budget lines (one per month, currency and category).</param>
public sealed record RestoreResult(
    int Accounts, int Categories, int Transactions, int Tags, int ImportRules, int Receipts, int ReceiptsWithoutFile,
    int RecurringRules, int Budgets);
