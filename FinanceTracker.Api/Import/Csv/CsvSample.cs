using System.Text;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>A record of the sniffing sample: the physical line it starts on and its raw (untrimmed) fields.</summary>
internal sealed record SampleRecord(int Line, string[] Fields)
{
    public int NonEmpty { get; } = Fields.Count(f => !string.IsNullOrWhiteSpace(f));

    public string Field(int index) => index < Fields.Length ? Fields[index].Trim() : "";
}

/// <summary>
/// The start of a CSV file that the layout is detected from: at most <see cref="SampleChars"/> characters, cut at a line
/// break, split into records by a small quote-aware splitter (quoted fields may hold delimiters and line breaks).
/// </summary>
internal static class CsvSample
{
    public const int SampleChars = 256 * 1024;
    public const int MaxRecords = 1000;

    public static string ReadText(TextReader reader)
    {
        var buffer = new char[SampleChars];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        var complete = length < buffer.Length;
        var text = buffer.AsSpan(0, length);
        var line = 1;
        var rest = text;
        while (rest.Length > 0)
        {
            var end = rest.IndexOf('\n');
            if ((end < 0 ? rest.Length : end) > StatementReader.MaxLineBytes)
            {
                throw LineLimit.TooLong(line);
            }
            if (end < 0)
            {
                break;
            }
            rest = rest[(end + 1)..];
            line++;
        }
        if (!complete)
        {
            var lastBreak = text.LastIndexOf('\n');
            text = lastBreak < 0 ? text : text[..(lastBreak + 1)];
        }
        return new string(text);
    }

    /// <summary>Records in <paramref name="text"/> split at <paramref name="delimiter"/>; blank and all-empty records are left out.</summary>
    public static List<SampleRecord> Split(string text, char delimiter, int maxRecords = MaxRecords)
    {
        var records = new List<SampleRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var i = 0;
        var atFieldStart = true;
        while (i < text.Length && records.Count < maxRecords)
        {
            var c = text[i];
            if (atFieldStart && c == '"')
            {
                i = ReadQuoted(text, i + 1, field, ref line);
                atFieldStart = false;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
            }
            else if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (records.Count < maxRecords)
        {
            EndRecord();
        }
        return records;

        void EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            atFieldStart = true;
            var record = new SampleRecord(recordLine, [.. fields]);
            fields.Clear();
            if (record.NonEmpty > 0)
            {
                records.Add(record);
            }
        }
    }

    /// <summary>Reads a quoted field's content after its opening quote; returns the index after the closing quote.</summary>
    private static int ReadQuoted(string text, int i, StringBuilder field, ref int line)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\n')
            {
                line++;
            }
            field.Append(c);
            i++;
        }
        return i;
    }
}
