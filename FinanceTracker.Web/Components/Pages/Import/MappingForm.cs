using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>The CSV reading settings as the person edits them; empty text means "let the Api detect it".</summary>
public sealed class MappingForm
{
    public string? Date { get; set; }
    public string? Amount { get; set; }
    public string? Debit { get; set; }
    public string? Credit { get; set; }
    public string? Payee { get; set; }
    public string? Notes { get; set; }
    public string? Category { get; set; }

    /// <summary>A column that says whether the amount is money out or in (Af/Bij, D/C, Debit/Credit).</summary>
    public string? Sign { get; set; }
    public string? DateFormat { get; set; }
    public string? DecimalSeparator { get; set; }
    public int? SkipRows { get; set; }
    public string? Delimiter { get; set; }
    public string? Encoding { get; set; }
    public bool HasHeader { get; set; } = true;

    public static MappingForm From(CsvMapping? mapping) => mapping is null ? new() : new()
    {
        Date = mapping.Date,
        Amount = mapping.Amount,
        Debit = mapping.Debit,
        Credit = mapping.Credit,
        Payee = mapping.Payee,
        Notes = mapping.Notes,
        Category = mapping.Category,
        Sign = mapping.Sign,
        DateFormat = mapping.DateFormat,
        DecimalSeparator = mapping.DecimalSeparator,
        SkipRows = mapping.SkipRows,
        Delimiter = mapping.Delimiter,
        Encoding = mapping.Encoding,
        HasHeader = mapping.HasHeader ?? true,
    };

    public CsvMapping ToMapping() => new(
        Blank(Date), Blank(Amount), Blank(Debit), Blank(Credit), Blank(Payee), Blank(Notes), Blank(Category),
        Blank(DateFormat), Blank(DecimalSeparator), SkipRows is >= 0 ? SkipRows : null, Delimiter is { Length: > 0 } ? Delimiter : null,
        Blank(Encoding), HasHeader, Blank(Sign));

    /// <summary>A delimiter's name for the select (a tab or a space cannot be read in a list).</summary>
    public static string DelimiterName(string delimiter) => delimiter switch
    {
        "," => "Comma (,)",
        ";" => "Semicolon (;)",
        "\t" => "Tab",
        "|" => "Pipe (|)",
        " " => "Space",
        _ => delimiter,
    };

    public static IReadOnlyList<string> Delimiters { get; } = [",", ";", "\t", "|"];

    public static IReadOnlyList<string> Encodings { get; } = ["utf-8", "windows-1252", "iso-8859-1"];

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
