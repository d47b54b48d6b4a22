using System.Text;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Rows of RFC 4180 CSV (CRLF, quotes doubled, a field quoted when it holds a comma, quote or line break), built in
/// memory a chunk at a time and then written out. Text cells are guarded against formula injection the OWASP way.
/// </summary>
internal sealed class CsvBuffer
{
    private readonly StringBuilder text = new();
    private bool inRow;

    public int Length => text.Length;

    /// <summary>Text from the ledger: a leading = + - @ tab or CR gets an apostrophe, so a spreadsheet shows it instead of running it.</summary>
    public CsvBuffer Text(string value) => Field(value is [ '=' or '+' or '-' or '@' or '\t' or '\r', .. ] ? "'" + value : value);

    /// <summary>A value the server formatted itself (a date, an amount such as -12.50): written as it is.</summary>
    public CsvBuffer Number(string value) => Field(value);

    public void EndRow()
    {
        text.Append("\r\n");
        inRow = false;
    }

    /// <summary>The text so far, emptied for the next chunk.</summary>
    public string Take()
    {
        var chunk = text.ToString();
        text.Clear();
        return chunk;
    }

    private CsvBuffer Field(string value)
    {
        if (inRow)
        {
            text.Append(',');
        }
        inRow = true;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            text.Append(value);
            return this;
        }
        text.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        return this;
    }
}
