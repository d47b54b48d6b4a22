using System.Globalization;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Works out a CSV file's <see cref="CsvLayout"/> from a sample of its start, step by step (encoding, delimiter, preamble,
/// header, columns, date format, decimal separator); each step takes the person's mapping where it says something.
/// </summary>
internal static class CsvLayoutResolver
{
    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    public static CsvLayout Resolve(Stream content, long start, CsvMapping mapping)
    {
        var warnings = new List<string>();
        var (encoding, preamble) = CsvEncoding.Detect(content, start, mapping.Encoding);
        content.Position = start + preamble;
        string sample;
        using (var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true))
        {
            sample = CsvSample.ReadText(reader);
        }
        var delimiter = mapping.Delimiter is { } d ? ParseDelimiter(d) : SniffDelimiter(sample);
        var records = CsvSample.Split(sample, delimiter);
        if (records.Count > 0 && records.Max(r => r.Fields.Length) is var widest and > StatementReader.MaxColumns)
        {
            throw new StatementFormatException($"The file has {widest:N0} columns; bank exports with up to {StatementReader.MaxColumns} columns are read.");
        }
        var skipRows = mapping.SkipRows is { } s ? Math.Max(0, s) : SniffPreamble(records);
        if (mapping.SkipRows is null && skipRows > 0)
        {
            warnings.Add($"Skipped {Lines(skipRows)} before the header (the bank's preamble).");
        }
        records = records.Where(r => r.Line > skipRows).ToList();
        var hasHeader = mapping.HasHeader ?? (records.Count > 0 && !records[0].Fields.Any(f => CsvValues.IsDate(f.Trim())));
        var header = hasHeader && records.Count > 0 ? records[0] : null;
        var data = header is null ? records : records.Skip(1).ToList();
        var columnCount = Math.Max(header?.Fields.Length ?? 0, data.Count == 0 ? 0 : data.Max(r => r.Fields.Length));
        var columns = Enumerable.Range(0, columnCount)
            .Select(i => header?.Field(i) is { Length: > 0 } name ? name : $"Column {i + 1}")
            .ToList();

        var decided = Decided(mapping, columns);
        var roles = new CsvColumnDetector(header is null ? null : columns, data, columnCount).Detect(decided, out var guessed);
        if (header is null && mapping.HasHeader is null)
        {
            warnings.Add("The file has no header row: its columns were guessed from the data.");
        }
        else if (guessed)
        {
            warnings.Add("Some columns were guessed from the data: please check the mapping.");
        }
        var needsConfirmation = guessed || header is null && mapping.HasHeader is null;
        if (roles[CsvRole.Date] is null)
        {
            warnings.Add("No date column was found: choose the date column in the mapping.");
            needsConfirmation = true;
        }
        if (roles[CsvRole.Amount] is null && roles[CsvRole.Debit] is null && roles[CsvRole.Credit] is null)
        {
            warnings.Add("No amount column (or debit and credit columns) was found: choose it in the mapping.");
            needsConfirmation = true;
        }

        var dateFormats = mapping.DateFormat is { } format ? [CheckDateFormat(format)] : DateFormatsOf(data, roles[CsvRole.Date]);
        var amounts = new[] { CsvRole.Amount, CsvRole.Debit, CsvRole.Credit }
            .Select(r => roles[r]).OfType<int>()
            .SelectMany(i => data.Select(r => r.Field(i)).Where(v => v.Length > 0));
        var sure = true;
        var decimalSeparator = mapping.DecimalSeparator is { } separator ? ParseDecimal(separator) : CsvValues.DecimalSeparator(amounts, out sure);
        if (!sure)
        {
            warnings.Add($"Amounts such as 1,234 could be read two ways: '{decimalSeparator}' was taken as the decimal separator; please confirm.");
            needsConfirmation = true;
        }
        return new CsvLayout(encoding, preamble, delimiter, skipRows, hasHeader, columns, roles, dateFormats, mapping.DateFormat is not null,
            decimalSeparator, needsConfirmation, warnings);
    }

    private static string Lines(int n) => n == 1 ? "1 line" : $"{n} lines";

    /// <summary>The delimiter that splits the most records into the same number (two or more) of fields; the wider split on a tie.</summary>
    private static char SniffDelimiter(string sample)
    {
        if (string.IsNullOrWhiteSpace(sample))
        {
            throw new StatementFormatException("The file is empty: it holds only blank lines.");
        }
        (char Delimiter, int Agreeing, int Width) best = default;
        foreach (var delimiter in Delimiters)
        {
            var widths = CsvSample.Split(sample, delimiter, 200).Select(r => r.Fields.Length).ToList();
            var mode = widths.GroupBy(w => w).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).FirstOrDefault();
            if (mode is not null && mode.Key >= 2 && (mode.Count() > best.Agreeing || (mode.Count() == best.Agreeing && mode.Key > best.Width)))
            {
                best = (delimiter, mode.Count(), mode.Key);
            }
        }
        if (best.Width < 2)
        {
            throw new StatementFormatException("This does not look like a CSV bank export: no delimiter (, ; tab |) splits its lines into columns.");
        }
        return best.Delimiter;
    }

    /// <summary>
    /// Lines before the header: leading records with one value, far fewer values than the rest, or another width than the
    /// rows (a trailing delimiter on the header or on the rows alone is allowed).
    /// </summary>
    private static int SniffPreamble(List<SampleRecord> records)
    {
        if (records.Count < 2)
        {
            return 0;
        }
        var width = records.GroupBy(r => r.Fields.Length).OrderByDescending(g => g.Count()).First().Key;
        var rowsEndEmpty = records.Where(r => r.Fields.Length == width).All(r => r.Fields[^1].Trim().Length == 0);
        var typical = records.Select(r => r.NonEmpty).Order().ElementAt(records.Count / 2);
        bool SameWidth(SampleRecord r) => r.Fields.Length == width
            || (r.Fields.Length == width + 1 && r.Fields[^1].Trim().Length == 0)
            || (r.Fields.Length == width - 1 && rowsEndEmpty);
        var first = records.Take(20).FirstOrDefault(r => r.NonEmpty >= 2 && r.NonEmpty * 2 >= typical && SameWidth(r));
        return first is null ? 0 : first.Line - 1;
    }

    private static Dictionary<CsvRole, int?> Decided(CsvMapping mapping, IReadOnlyList<string> columns)
    {
        var decided = new Dictionary<CsvRole, int?>();
        foreach (var (role, reference) in new (CsvRole, string?)[]
        {
            (CsvRole.Date, mapping.Date), (CsvRole.Amount, mapping.Amount), (CsvRole.Debit, mapping.Debit), (CsvRole.Credit, mapping.Credit),
            (CsvRole.Payee, mapping.Payee), (CsvRole.Notes, mapping.Notes), (CsvRole.Category, mapping.Category), (CsvRole.Sign, mapping.Sign),
        })
        {
            if (reference is not null)
            {
                decided[role] = CsvColumnRef.Resolve(reference, columns);
            }
        }
        return decided;
    }

    private static IReadOnlyList<string> DateFormatsOf(IReadOnlyList<SampleRecord> data, int? column) =>
        column is { } c ? CsvValues.DateFormats(data.Select(r => r.Field(c)).Where(v => v.Length > 0).ToList()) : [];

    private static string CheckDateFormat(string format)
    {
        try
        {
            _ = DateOnly.TryParseExact("2026-03-14", format, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            return format.Trim();
        }
        catch (FormatException)
        {
            throw new StatementFormatException($"The mapping's date format '{format}' is not a date format (try dd/MM/yyyy).", "mapping");
        }
    }

    private static char ParseDelimiter(string text) => text switch
    {
        "\t" or "tab" or "TAB" or "\\t" => '\t',
        { Length: 1 } when !char.IsLetterOrDigit(text[0]) && text[0] is not ('"' or '\r' or '\n') && text[0] < 128 => text[0],
        _ => throw new StatementFormatException($"The mapping's delimiter '{text}' is not one character such as , ; | or tab.", "mapping"),
    };

    private static char ParseDecimal(string text) => text.Trim() switch
    {
        "." => '.',
        "," => ',',
        _ => throw new StatementFormatException($"The mapping's decimal separator '{text}' must be '.' or ','.", "mapping"),
    };
}
