using System.Text;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>How a CSV file is read: everything detected or taken from the person's mapping, before the rows are streamed.</summary>
/// <param name="PreambleBytes">The byte-order mark's length, stepped over before decoding.</param>
/// <param name="SkipRows">Physical lines before the header (or the first row when there is no header).</param>
/// <param name="Columns">Header names, "Column N" where a header name is empty or there is no header.</param>
/// <param name="DateFormats">Formats that read the sample's dates, the one to use first; one when the mapping named it.</param>
internal sealed record CsvLayout(
    Encoding Encoding,
    int PreambleBytes,
    char Delimiter,
    int SkipRows,
    bool HasHeader,
    IReadOnlyList<string> Columns,
    IReadOnlyDictionary<CsvRole, int?> Roles,
    IReadOnlyList<string> DateFormats,
    bool DateFormatGiven,
    char DecimalSeparator,
    bool NeedsConfirmation,
    IReadOnlyList<string> Warnings)
{
    public int? this[CsvRole role] => Roles.GetValueOrDefault(role);

    /// <summary>The mapping in effect, every column by name (by index when its name is not unique), for the person to confirm or edit.</summary>
    public CsvMapping ToMapping(string dateFormat) => new(
        Date: Name(CsvRole.Date),
        Amount: Name(CsvRole.Amount),
        Debit: Name(CsvRole.Debit),
        Credit: Name(CsvRole.Credit),
        Payee: Name(CsvRole.Payee),
        Notes: Name(CsvRole.Notes),
        Category: Name(CsvRole.Category),
        DateFormat: dateFormat,
        DecimalSeparator: DecimalSeparator.ToString(),
        SkipRows: SkipRows,
        Delimiter: Delimiter.ToString(),
        Encoding: Encoding.WebName,
        HasHeader: HasHeader,
        Sign: Name(CsvRole.Sign));

    private string? Name(CsvRole role)
    {
        if (this[role] is not { } index)
        {
            return null;
        }
        var name = Columns[index];
        return Columns.Count(c => c.Equals(name, StringComparison.OrdinalIgnoreCase)) == 1 ? name : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
