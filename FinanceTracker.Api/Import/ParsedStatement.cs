namespace FinanceTracker.Api.Import;

/// <summary>What a bank file holds: one or more statement accounts, plus the rows that could not be read.</summary>
/// <param name="Format">ofx, qif or csv.</param>
public sealed record ParsedStatement(string Format, IReadOnlyList<StatementAccount> Accounts, IReadOnlyList<StatementError> Errors)
{
    public int RowCount => Accounts.Sum(a => a.Lines.Count);
}

/// <summary>One account as the file names it; the person maps <paramref name="Key"/> to one of theirs.</summary>
/// <param name="Key">Unique within the file: OFX <c>BANKID:ACCTID</c> (or <c>ACCTID</c>), QIF account name, or "default".</param>
/// <param name="Type">CHECKING, SAVINGS, CREDITCARD, Bank, CCard, … as written; null when the file says nothing.</param>
/// <param name="Currency">ISO code (OFX <c>CURDEF</c>), null when absent or empty.</param>
/// <param name="LedgerBalance">Closing balance the file states, if any; for checks, never to alter amounts.</param>
public sealed record StatementAccount(
    string Key,
    string? Number,
    string? Type,
    string? Currency,
    decimal? LedgerBalance,
    IReadOnlyList<StatementLine> Lines);

/// <summary>A row that could not be read: where it starts and why, so the good rows can still be committed.</summary>
public sealed record StatementError(int Line, string Reason);

/// <summary>The file as a whole cannot be read as the format (not OFX at all, truncated, binary): a 4xx for the upload.</summary>
/// <param name="field">The request field to name in the 400: <c>file</c>, or <c>mapping</c> when the person's CSV mapping is at fault.</param>
public sealed class StatementFormatException(string message, string field = "file") : Exception(message)
{
    public string Field { get; } = field;
}
