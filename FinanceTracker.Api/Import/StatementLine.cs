namespace FinanceTracker.Api.Import;

/// <summary>One transaction as a bank file states it, before it is matched to one of the person's accounts.</summary>
/// <param name="Line">1-based line in the source file where the row starts, for previews and error messages.</param>
/// <param name="ImportId">The bank's own id (OFX <c>FITID</c>); null when the format has none or the file left it empty.</param>
/// <param name="AccountHint">The statement account the row came from (OFX <c>BANKID:ACCTID</c>, QIF <c>!Account</c> name), or null.</param>
public sealed record StatementLine(
    int Line,
    DateOnly Date,
    decimal Amount,
    string Payee,
    string Memo,
    string? ImportId,
    string? AccountHint)
{
    /// <summary>Cheque or reference number (QIF <c>N</c>, OFX <c>CHECKNUM</c>), or null.</summary>
    public string? Number { get; init; }

    /// <summary>The file's own category (QIF <c>L</c>), or null; rules may map it later.</summary>
    public string? Category { get; init; }

    /// <summary>QIF split parts (<c>S</c>/<c>E</c>/<c>$</c>); empty for unsplit rows.</summary>
    public IReadOnlyList<SplitPart> Splits { get; init; } = [];
}

/// <summary>One part of a split QIF transaction: a category (or <c>[Account]</c> transfer), memo and amount.</summary>
public sealed record SplitPart(string Category, string Memo, decimal Amount);
