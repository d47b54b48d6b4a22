namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Reads a CSV file's dates with the chosen format. While the sample left more than one format (every day ≤ 12), each row
/// also rules out the formats that cannot read it, and when that changes the first format, the rows read so far are
/// read again at the end (<see cref="Reread"/>): a 13th day on row 50,000 still settles the whole file.
/// </summary>
internal sealed class CsvDateReader(IReadOnlyList<string> formats)
{
    private readonly List<string> formats = [.. formats];
    private readonly string first = formats.Count > 0 ? formats[0] : "";
    private readonly List<(int Index, string Text)> kept = [];
    private string? pending;

    public IReadOnlyList<string> Formats => formats;

    public bool TryRead(ReadOnlySpan<char> text, out DateOnly date)
    {
        pending = null;
        date = default;
        if (formats.Count == 0)
        {
            return false;
        }
        if (formats.Count == 1)
        {
            return CsvValues.TryParseDate(text, formats[0], out date);
        }
        var readable = 0;
        foreach (var format in formats)
        {
            readable += CsvValues.TryParseDate(text, format, out _) ? 1 : 0;
        }
        if (readable == 0)
        {
            return false;
        }
        if (readable < formats.Count)
        {
            var copy = text.ToString();
            formats.RemoveAll(f => !CsvValues.TryParseDate(copy, f, out _));
        }
        pending = text.ToString();
        return CsvValues.TryParseDate(text, formats[0], out date);
    }

    /// <summary>The row just read became line <paramref name="index"/> of the statement.</summary>
    public void Keep(int index)
    {
        if (pending is not null)
        {
            kept.Add((index, pending));
        }
    }

    public void Reread(List<StatementLine> lines)
    {
        if (formats.Count == 0 || formats[0] == first)
        {
            return;
        }
        foreach (var (index, text) in kept)
        {
            if (CsvValues.TryParseDate(text, formats[0], out var date))
            {
                lines[index] = lines[index] with { Date = date };
            }
        }
    }
}
