namespace FinanceTracker.Api.Import.Ofx;

/// <summary>
/// OFX 1.x (SGML) leaves leaf tags unclosed, so an empty leaf (<c>&lt;NAME&gt;&lt;MEMO&gt;x</c>) looks like an aggregate.
/// The names below (and the OFX naming patterns) are aggregates; any other tag with no text is an empty leaf.
/// </summary>
internal static class OfxAggregates
{
    private static readonly HashSet<string> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        "OFX", "SONRS", "STATUS", "FI", "STMTRS", "CCSTMTRS", "STMTTRN", "PAYEE", "CURRENCY", "ORIGCURRENCY",
        "BAL", "BALLIST", "LEDGERBAL", "AVAILBAL", "MKTGINFO", "EXTBANKACCTTO",
    };

    private static readonly string[] Suffixes = ["MSGSRSV1", "MSGSRSV2", "TRNRS", "ACCTFROM", "ACCTTO", "TRANLIST", "STMTRS"];

    public static bool IsAggregate(string name) =>
        Names.Contains(name) || Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
}
