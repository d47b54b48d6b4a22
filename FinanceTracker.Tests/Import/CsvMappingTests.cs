using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

/// <summary>A mapping the person gives overrides each detected part; a column it names that the file lacks is refused.</summary>
public class CsvMappingTests
{
    private const string Text = "Booking date,Value date,Counterparty,Description,Amount,Balance\n14.03.2026,15.03.2026,ACME,Invoice 12,\"-1.234,50\",\"100,00\"\n";

    [Fact]
    public void MapsColumnsByHeaderName()
    {
        var result = CsvFiles.Read(Text, new(Date: "Value date", Payee: "Description", Notes: "Counterparty"));

        var line = Assert.Single(CsvFiles.Lines(result));
        Assert.Equal((new DateOnly(2026, 3, 15), "Invoice 12", "ACME", -1234.50m), (line.Date, line.Payee, line.Memo, line.Amount));
        Assert.Equal(("Value date", "Description", "Counterparty", "Amount"), (result.Settings.Mapping!.Date, result.Settings.Mapping.Payee, result.Settings.Mapping.Notes, result.Settings.Mapping.Amount));
    }

    [Fact]
    public void MapsColumnsByZeroBasedIndex()
    {
        var result = CsvFiles.Read(Text, new(Date: "1", Amount: "5", Payee: "3"));

        var line = Assert.Single(CsvFiles.Lines(result));
        Assert.Equal((new DateOnly(2026, 3, 15), 100.00m, "Invoice 12"), (line.Date, line.Amount, line.Payee));
        Assert.Equal(("Value date", "Balance"), (result.Settings.Mapping!.Date, result.Settings.Mapping.Amount));
    }

    [Fact]
    public void OverridesTheDateFormatSeparatorAndSkipRows()
    {
        var text = "junk line\nDate,Payee,Amount\n03/04/2026,Shop,\"1.000\"\n";

        var result = CsvFiles.Read(text, new(DateFormat: "MM/dd/yyyy", DecimalSeparator: ",", SkipRows: 1, HasHeader: true, Delimiter: ","));

        var line = Assert.Single(CsvFiles.Lines(result));
        Assert.Equal((new DateOnly(2026, 3, 4), 1000m, 3), (line.Date, line.Amount, line.Line));
        Assert.Equal(["MM/dd/yyyy"], result.Settings.DateFormats);
    }

    [Fact]
    public void AnEmptyColumnNameTurnsADetectedColumnOff()
    {
        var result = CsvFiles.Read("Date,Payee,Amount,Category\n2026-03-14,Shop,-1.00,Food\n", new(Category: ""));

        Assert.Null(Assert.Single(CsvFiles.Lines(result)).Category);
        Assert.Null(result.Settings.Mapping!.Category);
    }

    [Theory]
    [InlineData("Payee", "Counterparty name")]
    [InlineData("Date", "9")]
    public void AColumnTheFileDoesNotHaveIsRefusedNamingIt(string field, string column)
    {
        var mapping = field == "Payee" ? new CsvMapping(Payee: column) : new CsvMapping(Date: column);

        var refused = Assert.Throws<StatementFormatException>(() => CsvFiles.Read(Text, mapping));

        Assert.Equal("mapping", refused.Field);
        Assert.Contains($"'{column}'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("'Booking date'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownEncodingOrDelimiterIsRefusedAsAMappingError()
    {
        Assert.Equal("mapping", Assert.Throws<StatementFormatException>(() => CsvFiles.Read(Text, new(Encoding: "klingon-8"))).Field);
        Assert.Equal("mapping", Assert.Throws<StatementFormatException>(() => CsvFiles.Read(Text, new(Delimiter: "ab"))).Field);
    }
}
