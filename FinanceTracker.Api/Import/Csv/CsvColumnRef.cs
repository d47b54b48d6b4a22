using System.Globalization;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>A column as the person names it in the mapping: its header name, its zero-based index ("3"), or "" for none.</summary>
internal static class CsvColumnRef
{
    public static int? Resolve(string reference, IReadOnlyList<string> columns)
    {
        var text = reference.Trim();
        if (text.Length == 0)
        {
            return null;
        }
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].Equals(text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < columns.Count)
        {
            return index;
        }
        var known = string.Join(", ", columns.Take(30).Select(c => $"'{c}'")) + (columns.Count > 30 ? ", …" : "");
        throw new StatementFormatException($"The mapping names a column '{reference}' that the file does not have. Its columns are: {known}.", "mapping");
    }
}
