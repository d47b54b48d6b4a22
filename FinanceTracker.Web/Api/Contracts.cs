namespace FinanceTracker.Web.Api;

// DTOs mirror the Api's JSON contract (camelCase, lowercase enum strings, dates as YYYY-MM-DD).

public sealed record TokenResponse(string TokenType, string AccessToken, int ExpiresIn, string RefreshToken);

public sealed record UserInfo(string Email, bool IsEmailConfirmed);

public sealed record Credentials(string Email, string Password);

public sealed record RefreshRequest(string RefreshToken);

public enum AccountType { Checking, Savings, Credit, Cash, Investment, Loan }

public sealed record Account(
    long Id, string Name, AccountType Type, string Currency, decimal OpeningBalance, decimal Balance, bool Archived);

public sealed record CreateAccountRequest(string Name, AccountType Type, string Currency, decimal OpeningBalance);

public sealed record UpdateAccountRequest(
    string Name, AccountType Type, string Currency, decimal OpeningBalance, bool Archived);

public enum CategoryKind { Expense, Income }

public sealed record Category(long Id, string Name, CategoryKind Kind, long? ParentId, string? Color);

/// <summary>What deleting a category touches (GET /api/categories/{id}/usage).</summary>
public sealed record CategoryUsage(long Transactions, long Subcategories, long RecurringRules, long BudgetLines);

public sealed record CategoryRequest(string Name, CategoryKind Kind, long? ParentId, string? Color);

public sealed record Transaction(
    long Id,
    long AccountId,
    long? CategoryId,
    DateOnly Date,
    decimal Amount,
    string Currency,
    string? Payee,
    string? Notes,
    IReadOnlyList<string> Tags,
    int Version)
{
    /// <summary>How many receipts are attached; the Api fills it in lists and reads.</summary>
    public int ReceiptCount { get; init; }

    /// <summary>The transfer this row is a side of (null: not a transfer).</summary>
    public long? TransferId { get; init; }

    /// <summary>The other side's account of a transfer (null once that account is deleted).</summary>
    public long? TransferAccountId { get; init; }

    /// <summary>A split transaction's parts; empty otherwise.</summary>
    public IReadOnlyList<TransactionSplit> Splits { get; init; } = [];

    /// <summary>Seen on the bank's statement.</summary>
    public bool Cleared { get; init; }

    /// <summary>Matched to a statement's closing balance: a change asks first and sends ConfirmReconciled.</summary>
    public bool Reconciled { get; init; }

    /// <summary>The account's real balance after this row; only in a list filtered to one account.</summary>
    public decimal? RunningBalance { get; init; }
}

/// <summary>One part of a split transaction: its own category and amount, summing exactly to the transaction's amount.</summary>
public sealed record TransactionSplit(long? CategoryId, decimal Amount, string? Notes);

public sealed record CreateTransactionRequest(
    long AccountId, long? CategoryId, DateOnly Date, decimal Amount, string? Payee, string? Notes, IReadOnlyList<string> Tags,
    IReadOnlyList<TransactionSplit>? Splits = null);

/// <summary>Money moved between two of one's accounts; toAmount is needed when their currencies differ.</summary>
public sealed record CreateTransferRequest(
    long FromAccountId, long ToAccountId, DateOnly Date, decimal Amount, decimal? ToAmount, string? Payee, string? Notes);

public sealed record TransferCreated(long Id, long FromTransactionId, long ToTransactionId);

public sealed record UpdateTransactionRequest(
    long AccountId,
    long? CategoryId,
    DateOnly Date,
    decimal Amount,
    string? Payee,
    string? Notes,
    IReadOnlyList<string> Tags,
    int Version,
    IReadOnlyList<TransactionSplit>? Splits = null,
    bool ConfirmReconciled = false);

public sealed record CurrencyAmount(string Currency, decimal Amount);

/// <summary>A page of the list; the count and totals are null when asked without them (<see cref="TransactionQuery.WithTotals"/>).</summary>
public sealed record TransactionPage(
    IReadOnlyList<Transaction> Items, long? TotalCount, IReadOnlyList<CurrencyAmount>? Totals, string? NextCursor);

/// <summary>How many rows match a filter, and their net sum per currency.</summary>
public sealed record TransactionTotals(long TotalCount, IReadOnlyList<CurrencyAmount> Totals);

public sealed record TransactionQuery
{
    public long? AccountId { get; init; }
    public long? CategoryId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Q { get; init; }
    public decimal? MinAmount { get; init; }
    public decimal? MaxAmount { get; init; }
    public string? Tag { get; init; }
    /// <summary>Only the rows one import added.</summary>
    public long? ImportId { get; init; }
    public int? PageSize { get; init; }
    public string? Cursor { get; init; }

    /// <summary>
    /// Whether the page carries the count and totals. A page that is paged through asks them once
    /// (<see cref="FinanceApiClient.GetTransactionTotalsAsync"/>) and its pages without them.
    /// </summary>
    public bool WithTotals { get; init; } = true;
}

public sealed record Receipt(long Id, long TransactionId, string FileName, string ContentType, long Size, DateTime UploadedAt);
