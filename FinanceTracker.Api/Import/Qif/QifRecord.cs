namespace FinanceTracker.Api.Import.Qif;

/// <summary>The raw fields of one QIF transaction (up to its <c>^</c>), read before dates are resolved for the whole file.</summary>
internal sealed class QifRecord(int line, string? account, string section)
{
    public int Line { get; } = line;
    public string? Account { get; } = account;
    public string Section { get; } = section;
    public string? Date { get; set; }
    public string? Total { get; set; }
    public string? UTotal { get; set; }
    public string Payee { get; set; } = "";
    public string Memo { get; set; } = "";
    public string? Number { get; set; }
    public string? Category { get; set; }
    public List<(string Category, string Memo, string Amount)> Splits { get; } = [];
    public bool HasFields { get; set; }
}
