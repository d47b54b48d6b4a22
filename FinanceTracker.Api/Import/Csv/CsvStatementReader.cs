using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Reads a CSV bank export: detects its layout from a sample (<see cref="CsvLayoutResolver"/>), then streams every record
/// through Sylvan.Data.Csv into one "default" statement account, keeping each row's 1-based physical line number.
/// </summary>
internal static class CsvStatementReader
{
    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StatementReadResult Read(Stream content, CsvMapping? mapping)
    {
        var start = content.Position;
        var layout = CsvLayoutResolver.Resolve(content, start, mapping ?? new CsvMapping());
        content.Position = start + layout.PreambleBytes;
        using var text = new StreamReader(content, layout.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        var line = 1 + SkipLines(text, layout.SkipRows);
        var rows = new CsvRowReader(layout);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = layout.Delimiter,
            Comment = '\0', // '#' starts no comment in a bank export
            CsvStyle = CsvStyle.Lax,
            BufferSize = 0x4000,
            MaxBufferSize = 2 * StatementReader.MaxLineBytes,
            OwnsReader = false,
        };
        try
        {
            using var csv = CsvDataReader.Create(text, options);
            var headerSeen = !layout.HasHeader;
            while (csv.Read())
            {
                var record = csv.GetRawRecordSpan();
                var recordLine = line;
                line += LineBreaks(record);
                if (record.Length > StatementReader.MaxLineBytes + 2)
                {
                    throw LineLimit.TooLong(recordLine);
                }
                if (csv.RowFieldCount > StatementReader.MaxColumns)
                {
                    throw new StatementFormatException($"Line {recordLine} has {csv.RowFieldCount:N0} columns; bank exports with up to {StatementReader.MaxColumns} columns are read.");
                }
                if (IsBlank(csv))
                {
                    continue;
                }
                if (!headerSeen)
                {
                    headerSeen = true;
                    continue;
                }
                rows.Add(csv, recordLine);
            }
        }
        catch (CsvRecordTooLargeException)
        {
            throw LineLimit.TooLong(line);
        }
        catch (CsvFormatException e)
        {
            throw new StatementFormatException($"The CSV cannot be read past line {line}: {e.Message}");
        }
        rows.Finish();
        return Result(layout, rows);
    }

    private static StatementReadResult Result(CsvLayout layout, CsvRowReader rows)
    {
        var warnings = layout.Warnings.ToList();
        if (rows.ZeroLines.Count > 0)
        {
            var shown = string.Join(", ", rows.ZeroLines.Take(5)) + (rows.ZeroLines.Count > 5 ? ", …" : "");
            warnings.Add($"Skipped {rows.ZeroLines.Count} row(s) with a zero amount (line {shown}).");
        }
        var dateFormats = rows.DateFormats;
        if (dateFormats.Count > 1)
        {
            warnings.Add($"The dates can be read as {string.Join(" or ", dateFormats)}: {dateFormats[0]} was used; please confirm.");
        }
        var account = new StatementAccount("default", null, null, null, null, rows.Lines);
        var statement = new ParsedStatement("csv", [account], rows.Errors);
        var settings = new ImportSettings(
            "csv",
            layout.Encoding.WebName,
            layout.Columns,
            layout.ToMapping(dateFormats.Count > 0 ? dateFormats[0] : ""),
            dateFormats,
            layout.NeedsConfirmation || dateFormats.Count > 1,
            warnings);
        return new StatementReadResult(statement, settings);
    }

    /// <summary>Steps over <paramref name="count"/> physical lines without building them as strings; returns how many there were.</summary>
    private static int SkipLines(TextReader text, int count)
    {
        var skipped = 0;
        var length = 0;
        while (skipped < count)
        {
            var c = text.Read();
            if (c < 0)
            {
                break;
            }
            if (c == '\n' || (c == '\r' && text.Peek() != '\n'))
            {
                skipped++;
                length = 0;
            }
            else if (++length > StatementReader.MaxLineBytes)
            {
                throw LineLimit.TooLong(skipped + 1);
            }
        }
        return skipped;
    }

    private static int LineBreaks(ReadOnlySpan<char> record)
    {
        var breaks = record.Count('\n');
        return breaks == 0 && record.EndsWith('\r') ? 1 : breaks;
    }

    private static bool IsBlank(CsvDataReader csv)
    {
        for (var i = 0; i < csv.RowFieldCount; i++)
        {
            if (!csv.GetFieldSpan(i).IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }
}
