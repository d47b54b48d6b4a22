using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace FinanceTracker.Api.Import.Csv;

/// <summary>
/// Turns one CSV record into a <see cref="StatementLine"/> or a <see cref="StatementError"/>, reading fields as spans so a
/// row costs little more than its strings. Zero amounts are skipped (a bank's fee waiver of 0,00 is not a transaction).
/// </summary>
internal sealed class CsvRowReader(CsvLayout layout)
{
    private readonly CsvDateReader dates = new(layout.DateFormats);
    private readonly int? date = layout[CsvRole.Date];
    private readonly int? amount = layout[CsvRole.Amount];
    private readonly int? debit = layout[CsvRole.Debit];
    private readonly int? credit = layout[CsvRole.Credit];
    private readonly int? sign = layout[CsvRole.Sign];
    private readonly int? payee = layout[CsvRole.Payee];
    private readonly int? notes = layout[CsvRole.Notes];
    private readonly int? category = layout[CsvRole.Category];

    public List<StatementLine> Lines { get; } = [];
    public List<StatementError> Errors { get; } = [];
    public List<int> ZeroLines { get; } = [];
    public IReadOnlyList<string> DateFormats => dates.Formats;

    // A big file runs these loops once: compiled optimised at once, not at tier 0 until tiering catches up.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(CsvDataReader csv, int line)
    {
        if (date is not { } dateColumn || (amount is null && debit is null && credit is null))
        {
            return;
        }
        var dateText = csv.GetFieldSpan(dateColumn).Trim();
        if (dateText.IsEmpty)
        {
            Errors.Add(new StatementError(line, "The row has no date (a totals or summary line?); it is not imported."));
            return;
        }
        if (!dates.TryRead(dateText, out var day))
        {
            var expected = dates.Formats.Count > 0 ? $" as {dates.Formats[0]}" : "";
            Errors.Add(new StatementError(line, $"The date '{dateText}' cannot be read{expected}."));
            return;
        }
        if (ReadAmount(csv) is not { } value)
        {
            Errors.Add(new StatementError(line, AmountError(csv)));
            return;
        }
        if (value == 0)
        {
            ZeroLines.Add(line);
            return;
        }
        var memo = Text(csv, notes);
        var name = CleanPayee(csv, payee);
        dates.Keep(Lines.Count);
        Lines.Add(new StatementLine(line, day, value, name.Length > 0 ? name : PayeeText.Clean(memo), memo, null, null)
        {
            Category = Text(csv, category) is { Length: > 0 } c ? c : null,
        });
    }

    /// <summary>Call once after the last row: settles dates read while the format was still open.</summary>
    public void Finish() => dates.Reread(Lines);

    private decimal? ReadAmount(CsvDataReader csv)
    {
        var separator = layout.DecimalSeparator;
        if (amount is { } a)
        {
            if (!CsvValues.TryParseAmount(csv.GetFieldSpan(a), separator, out var value))
            {
                return null;
            }
            var side = sign is { } s ? CsvValues.Sign(csv.GetFieldSpan(s)) : 0;
            return side == 0 ? value : side * Math.Abs(value);
        }
        var debitText = debit is { } d ? csv.GetFieldSpan(d).Trim() : [];
        var creditText = credit is { } c ? csv.GetFieldSpan(c).Trim() : [];
        if (debitText.IsEmpty && creditText.IsEmpty)
        {
            return null;
        }
        decimal paidOut = 0, paidIn = 0;
        if ((!debitText.IsEmpty && !CsvValues.TryParseAmount(debitText, separator, out paidOut))
            || (!creditText.IsEmpty && !CsvValues.TryParseAmount(creditText, separator, out paidIn)))
        {
            return null;
        }
        return Math.Abs(paidIn) - Math.Abs(paidOut);
    }

    private string AmountError(CsvDataReader csv)
    {
        if (amount is { } a)
        {
            var text = csv.GetFieldSpan(a).Trim();
            return text.IsEmpty ? "The row has no amount." : $"The amount '{text}' is not a number.";
        }
        var debitText = debit is { } d ? csv.GetFieldSpan(d).Trim().ToString() : "";
        var creditText = credit is { } c ? csv.GetFieldSpan(c).Trim().ToString() : "";
        return debitText.Length == 0 && creditText.Length == 0
            ? "The row has neither a debit nor a credit amount."
            : $"The debit '{debitText}' or credit '{creditText}' is not a number.";
    }

    private static string Text(CsvDataReader csv, int? column)
    {
        if (column is not { } c)
        {
            return "";
        }
        var text = csv.GetFieldSpan(c).Trim();
        return text.IsEmpty ? "" : text.ToString();
    }

    /// <summary><see cref="PayeeText.Clean"/>, without its extra copies when the text is already clean.</summary>
    private static string CleanPayee(CsvDataReader csv, int? column)
    {
        if (column is not { } c)
        {
            return "";
        }
        var text = csv.GetFieldSpan(c).Trim();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsControl(text[i]) || (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i > 0 && text[i - 1] == ' '))))
            {
                return PayeeText.Clean(text.ToString());
            }
        }
        return text.IsEmpty ? "" : text.ToString();
    }
}
