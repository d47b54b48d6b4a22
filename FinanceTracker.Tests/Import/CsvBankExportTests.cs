using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

/// <summary>The real CSV exports in ../shared/fixtures/bank-exports/csv, read with nothing but their bytes.</summary>
public class CsvBankExportTests
{
    [Fact]
    public void ReadsIngWithItsAfBijSignColumnAndSkipsTheZeroRow()
    {
        var result = CsvFiles.Read(BankExports.Read("csv/ing_nl_ok.csv"), fileName: "ing_nl_ok.csv");

        var lines = CsvFiles.Lines(result);
        Assert.Equal([-1.25m, 1.25m, 20.00m, -0.31m, -0.31m], lines.Select(l => l.Amount));
        Assert.Equal(19.38m, lines.Sum(l => l.Amount));
        Assert.Empty(result.Statement.Errors);
        Assert.Equal([2, 3, 5, 6, 7], lines.Select(l => l.Line));
        Assert.Equal(new DateOnly(2020, 2, 13), lines[0].Date);
        Assert.Equal(new DateOnly(2019, 12, 13), lines[2].Date);
        Assert.Equal("PAULISSEN G J L M", lines[2].Payee);
        Assert.StartsWith("Naam: PAULISSEN G J L M Omschrijving: Kosten rekening", lines[2].Memo, StringComparison.Ordinal);
        var mapping = result.Settings.Mapping!;
        Assert.Equal(("Datum", "Bedrag (EUR)", "Af Bij", "Naam / Omschrijving", "Mededelingen"), (mapping.Date, mapping.Amount, mapping.Sign, mapping.Payee, mapping.Notes));
        Assert.Equal(("yyyyMMdd", ",", ",", 0, true), (mapping.DateFormat, mapping.DecimalSeparator, mapping.Delimiter, mapping.SkipRows, mapping.HasHeader));
        Assert.Contains(result.Settings.Warnings, w => w.Contains("zero amount", StringComparison.Ordinal) && w.Contains("line 4", StringComparison.Ordinal));
        Assert.False(result.Settings.NeedsConfirmation);
    }

    [Fact]
    public void ReadsKnabWithItsPreambleLineSemicolonsAndCreditDebetColumn()
    {
        var result = CsvFiles.Read(BankExports.Read("csv/knab_nl_ok.csv"));

        var lines = CsvFiles.Lines(result);
        Assert.Equal(28, lines.Count);
        Assert.Equal(7.01m, lines.Sum(l => l.Amount));
        Assert.Empty(result.Statement.Errors);
        Assert.Equal((3, new DateOnly(2019, 6, 21), -827.75m, "Gert Janssen (FR)", "Tresorie"), (lines[0].Line, lines[0].Date, lines[0].Amount, lines[0].Payee, lines[0].Memo));
        Assert.Equal(-2500m, lines[2].Amount);
        Assert.Equal((7.02m, "Knab"), (lines[^1].Amount, lines[^1].Payee));
        var mapping = result.Settings.Mapping!;
        Assert.Equal((1, ";", "dd-MM-yyyy", ","), (mapping.SkipRows, mapping.Delimiter, mapping.DateFormat, mapping.DecimalSeparator));
        Assert.Equal(("Transactiedatum", "Bedrag", "CreditDebet", "Tegenrekeninghouder", "Omschrijving"), (mapping.Date, mapping.Amount, mapping.Sign, mapping.Payee, mapping.Notes));
        Assert.Equal("Column 17", result.Settings.Columns[^1]);
    }

    [Fact]
    public void ReadsLloydsSeparateDebitAndCreditColumnsDespiteTheTrailingHeaderComma()
    {
        var result = CsvFiles.Read(BankExports.Read("csv/lloyds_uk_sample-statement.csv"));

        var lines = CsvFiles.Lines(result);
        Assert.Equal(12, lines.Count);
        Assert.Equal(-3881.99m, lines.Sum(l => l.Amount));
        Assert.Empty(result.Statement.Errors);
        Assert.Equal((new DateOnly(2024, 1, 15), -8.99m, "ACME STORE CD 1417 14JAN24"), (lines[0].Date, lines[0].Amount, lines[0].Payee));
        Assert.Equal(-5975.12m, lines[2].Amount);
        Assert.Equal((2000m, new DateOnly(2023, 12, 1)), (lines[3].Amount, lines[3].Date));
        Assert.Equal(500m, lines[11].Amount);
        var mapping = result.Settings.Mapping!;
        Assert.Equal(("Transaction Date", "Debit Amount", "Credit Amount", null, "dd/MM/yyyy"), (mapping.Date, mapping.Debit, mapping.Credit, mapping.Amount, mapping.DateFormat));
    }

    [Fact]
    public void ReadsDcuDollarAmountsWithThousandsCommasAndCrlf()
    {
        var result = CsvFiles.Read(BankExports.Read("csv/dcu_us_checking.csv"));

        var lines = CsvFiles.Lines(result);
        Assert.Equal(10, lines.Count);
        Assert.Equal(500.00m, lines.Sum(l => l.Amount));
        Assert.Empty(result.Statement.Errors);
        Assert.Equal((new DateOnly(2021, 12, 31), -7971.39m), (lines[0].Date, lines[0].Amount));
        Assert.Equal((new DateOnly(2021, 12, 15), 10000.00m), (lines[^1].Date, lines[^1].Amount));
        Assert.Equal("ELECTRONIC DEPOSIT - 3392 ACME INC DDEPOSIT 123456", lines[1].Payee);
        Assert.Equal(("MM/dd/yyyy", ".", "DESCRIPTION", "MEMO"), (result.Settings.Mapping!.DateFormat, result.Settings.Mapping.DecimalSeparator, result.Settings.Mapping.Payee, result.Settings.Mapping.Notes));
        Assert.Equal(11, lines[^1].Line);
    }

    [Theory]
    [InlineData("csv/ing_nl_ok.csv")]
    [InlineData("csv/knab_nl_ok.csv")]
    [InlineData("csv/lloyds_uk_sample-statement.csv")]
    [InlineData("csv/dcu_us_checking.csv")]
    public void TheDetectedMappingSentBackReadsTheSameRows(string file)
    {
        var bytes = BankExports.Read(file);
        var detected = CsvFiles.Read(bytes);

        var again = CsvFiles.Read(bytes, detected.Settings.Mapping);

        Assert.Equal(CsvFiles.Lines(detected), CsvFiles.Lines(again));
        Assert.Equal(detected.Settings.Mapping, again.Settings.Mapping);
    }
}
