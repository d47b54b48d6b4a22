namespace FinanceTracker.Api.Import.Qif;

/// <summary>
/// Reads QIF: <c>!Type:Bank</c>, <c>Cash</c>, <c>CCard</c>, <c>Oth A</c>, <c>Oth L</c> sections (others, such as
/// <c>Invst</c>, <c>Cat</c>, <c>Class</c>, <c>Security</c>, are skipped), <c>!Account</c> headers, fields
/// <c>D T U P M L N C</c> and splits <c>S E $</c>, records ended by <c>^</c>. Blank lines, CRLF and <c>#</c> comments are tolerated.
/// </summary>
public static class QifParser
{
    private static readonly HashSet<string> TransactionSections =
        new(["Bank", "Cash", "CCard", "Oth A", "Oth L"], StringComparer.OrdinalIgnoreCase);

    public static ParsedStatement Parse(ReadOnlySpan<byte> bytes) => Parse(TextDecoding.Decode(bytes));

    public static ParsedStatement Parse(string text)
    {
        var records = ReadRecords(text, out var sawHeader);
        if (!sawHeader)
        {
            throw new StatementFormatException("Not a QIF file: no !Type header was found.");
        }
        var dates = QifDate.ForFile(records.Where(r => r.Date is not null).Select(r => r.Date!));
        var errors = new List<StatementError>();
        var lines = new List<StatementLine>();
        foreach (var record in records)
        {
            if (ToLine(record, dates, out var error) is { } line)
            {
                lines.Add(line);
            }
            else
            {
                errors.Add(error!);
            }
        }
        var accounts = lines
            .GroupBy(l => l.AccountHint ?? "")
            .Select(g => new StatementAccount(
                g.Key.Length == 0 ? "default" : g.Key,
                g.Key.Length == 0 ? null : g.Key,
                records.First(r => (r.Account ?? "") == g.Key).Section,
                null, null, g.ToList()))
            .ToList();
        return new ParsedStatement("qif", accounts, errors);
    }

    private static List<QifRecord> ReadRecords(string text, out bool sawHeader)
    {
        var records = new List<QifRecord>();
        sawHeader = false;
        string? section = null;
        string? account = null;
        var inAccountBlock = false;
        string? pendingAccountName = null;
        QifRecord? current = null;
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r', ' ', '\t');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            if (line.StartsWith('!'))
            {
                sawHeader = true;
                Flush();
                if (line.StartsWith("!Type:", StringComparison.OrdinalIgnoreCase))
                {
                    section = line["!Type:".Length..].Trim();
                    inAccountBlock = false;
                }
                else if (line.Equals("!Account", StringComparison.OrdinalIgnoreCase))
                {
                    inAccountBlock = true;
                    pendingAccountName = null;
                }
                continue;
            }
            if (inAccountBlock)
            {
                if (line[0] == 'N')
                {
                    pendingAccountName = line[1..].Trim();
                }
                else if (line[0] == '^')
                {
                    account = pendingAccountName;
                    inAccountBlock = false;
                }
                continue;
            }
            if (section is null || !TransactionSections.Contains(section))
            {
                continue;
            }
            if (line[0] == '^')
            {
                Flush();
                continue;
            }
            current ??= new QifRecord(lineNumber, account, section);
            current.HasFields = true;
            Apply(current, line[0], line[1..]);
        }
        Flush();
        return records;

        void Flush()
        {
            if (current is { HasFields: true })
            {
                records.Add(current);
            }
            current = null;
        }
    }

    private static void Apply(QifRecord record, char code, string value)
    {
        switch (code)
        {
            case 'D' when record.Splits.Count == 0: record.Date = value.Trim(); break;
            case 'T': record.Total = value; break;
            case 'U': record.UTotal = value; break;
            case 'P': record.Payee = value; break;
            case 'M': record.Memo = value.Trim(); break;
            case 'N': record.Number = value.Trim(); break;
            case 'L': record.Category = value.Trim(); break;
            case 'S': record.Splits.Add((value.Trim(), "", "")); break;
            case 'E' when record.Splits.Count > 0: record.Splits[^1] = record.Splits[^1] with { Memo = value.Trim() }; break;
            case '$' when record.Splits.Count > 0: record.Splits[^1] = record.Splits[^1] with { Amount = value.Trim() }; break;
            default: break; // C (cleared), A (address), split D dates and unknown codes carry nothing we import.
        }
    }

    private static StatementLine? ToLine(QifRecord r, QifDate dates, out StatementError? error)
    {
        error = null;
        if (r.Date is null || !dates.TryParse(r.Date, out var date))
        {
            error = new StatementError(r.Line, r.Date is null ? "The record has no D (date) field." : $"The date '{r.Date}' is not a date.");
            return null;
        }
        var amountText = r.Total ?? r.UTotal;
        if (!AmountText.TryParse(amountText, out var amount))
        {
            error = new StatementError(r.Line, amountText is null ? "The record has no T (amount) field." : $"The amount '{amountText}' is not a number.");
            return null;
        }
        var splits = new List<SplitPart>();
        foreach (var (category, memo, text) in r.Splits)
        {
            if (!AmountText.TryParse(text, out var part))
            {
                error = new StatementError(r.Line, $"The split amount '{text}' is not a number.");
                return null;
            }
            splits.Add(new SplitPart(category, memo, part));
        }
        return new StatementLine(r.Line, date, amount, PayeeText.Clean(r.Payee), r.Memo, null, r.Account)
        {
            Number = string.IsNullOrEmpty(r.Number) ? null : r.Number,
            Category = string.IsNullOrEmpty(r.Category) ? null : r.Category,
            Splits = splits,
        };
    }
}
