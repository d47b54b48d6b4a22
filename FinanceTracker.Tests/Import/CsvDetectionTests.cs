using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

/// <summary>CSV quirks in files written here: date formats, number styles, delimiters, quoting, header and preamble detection.</summary>
public class CsvDetectionTests
{
    [Theory]
    [InlineData("2026-03-14", "2026-04-01", "yyyy-MM-dd")]
    [InlineData("14/03/2026", "01/04/2026", "dd/MM/yyyy")]
    [InlineData("03/14/2026", "04/01/2026", "MM/dd/yyyy")]
    [InlineData("14.03.2026", "01.04.2026", "dd.MM.yyyy")]
    [InlineData("20260314", "20260401", "yyyyMMdd")]
    [InlineData("14-03-2026", "01-04-2026", "dd-MM-yyyy")]
    [InlineData("14 Mar 2026", "1 Apr 2026", "d MMM yyyy")]
    [InlineData("2026-03-14 10:22:33", "2026-04-01 08:00:00", "yyyy-MM-dd")]
    public void ReadsEachDateFormat(string first, string second, string format)
    {
        var result = CsvFiles.Read($"Date,Payee,Amount\n{first},Shop,-1.00\n{second},Salary,2.00\n");

        Assert.Equal([new DateOnly(2026, 3, 14), new DateOnly(2026, 4, 1)], CsvFiles.Lines(result).Select(l => l.Date));
        Assert.Equal(format, result.Settings.Mapping!.DateFormat);
        Assert.Equal([format], result.Settings.DateFormats);
        Assert.False(result.Settings.NeedsConfirmation);
    }

    [Fact]
    public void AmbiguousDatesTakeTheFirstFormatAndAskForConfirmation()
    {
        var result = CsvFiles.Read("Date,Payee,Amount\n03/04/2026,Shop,-1.00\n05/06/2026,Shop,-2.00\n");

        Assert.Equal(["dd/MM/yyyy", "MM/dd/yyyy"], result.Settings.DateFormats);
        Assert.Equal(new DateOnly(2026, 4, 3), CsvFiles.Lines(result)[0].Date);
        Assert.True(result.Settings.NeedsConfirmation);
        Assert.Contains(result.Settings.Warnings, w => w.Contains("MM/dd/yyyy", StringComparison.Ordinal));
    }

    [Fact]
    public void ADayAboveTwelveFarBeyondTheSampleStillSettlesTheDateFormat()
    {
        var rows = string.Concat(Enumerable.Range(0, 3000).Select(i => $"03/04/2026,Shop {i},-1.00\n"));
        var result = CsvFiles.Read("Date,Payee,Amount\n" + rows + "12/25/2026,Late,-5.00\n");

        var lines = CsvFiles.Lines(result);
        Assert.Equal(3001, lines.Count);
        Assert.Equal(["MM/dd/yyyy"], result.Settings.DateFormats);
        Assert.Equal(new DateOnly(2026, 3, 4), lines[0].Date);
        Assert.Equal(new DateOnly(2026, 12, 25), lines[^1].Date);
        Assert.Equal("MM/dd/yyyy", result.Settings.Mapping!.DateFormat);
    }

    [Theory]
    [InlineData("\"1,234.56\"", ".", 1234.56)]
    [InlineData("\"1.234,56\"", ",", 1234.56)]
    [InlineData("-12.50", ".", -12.50)]
    [InlineData("(12.50)", ".", -12.50)]
    [InlineData("12.50-", ".", -12.50)]
    [InlineData("12,50 CR", ",", 12.50)]
    [InlineData("12,50 DR", ",", -12.50)]
    [InlineData("-$7,971.39", ".", -7971.39)]
    public void ReadsEachNumberStyle(string amount, string separator, double expected)
    {
        var result = CsvFiles.Read($"Date,Payee,Amount\n2026-03-14,Shop,\"{amount.Trim('"')}\"\n2026-03-15,Shop,\"{amount.Trim('"')}\"\n");

        Assert.All(CsvFiles.Lines(result), l => Assert.Equal((decimal)expected, l.Amount));
        Assert.Equal(separator, result.Settings.Mapping!.DecimalSeparator);
    }

    [Fact]
    public void AmountsThatReadTwoWaysAskForConfirmation()
    {
        var result = CsvFiles.Read("Date;Payee;Amount\n2026-03-14;Shop;1,234\n2026-03-15;Shop;2,500\n");

        Assert.Equal(1234m, CsvFiles.Lines(result)[0].Amount);
        Assert.True(result.Settings.NeedsConfirmation);
        Assert.Contains(result.Settings.Warnings, w => w.Contains("decimal separator", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(";")]
    [InlineData("\t")]
    [InlineData("|")]
    public void DetectsTheDelimiter(string delimiter)
    {
        var text = string.Join(delimiter, "Datum", "Naam", "Bedrag") + "\n" + string.Join(delimiter, "14-03-2026", "Bakker, De", "-3,50") + "\n";

        var result = CsvFiles.Read(text);

        var line = Assert.Single(CsvFiles.Lines(result));
        Assert.Equal(("Bakker, De", -3.50m), (line.Payee, line.Amount));
        Assert.Equal(delimiter, result.Settings.Mapping!.Delimiter);
    }

    [Fact]
    public void QuotedFieldsKeepDelimitersQuotesAndLineBreaksAndLinesStayPhysical()
    {
        var text = "Date,Payee,Notes,Amount\n2026-03-14,\"Smith, J\",\"two\nlines \"\"quoted\"\"\",-1.00\n2026-03-15,Next,,2.00\n";

        var lines = CsvFiles.Lines(CsvFiles.Read(text));

        Assert.Equal(("Smith, J", "two\nlines \"quoted\"", 2), (lines[0].Payee, lines[0].Memo, lines[0].Line));
        Assert.Equal(("Next", 4), (lines[1].Payee, lines[1].Line));
    }

    [Fact]
    public void BlankLinesAreSkippedAndLineNumbersCountThem()
    {
        var lines = CsvFiles.Lines(CsvFiles.Read("Date,Payee,Amount\r\n\r\n2026-03-14,A,-1.00\r\n,,\r\n\r\n2026-03-15,B,-2.00\r\n"));

        Assert.Equal([3, 6], lines.Select(l => l.Line));
    }

    [Fact]
    public void AFileWithoutAHeaderRowIsReadFromTheData()
    {
        var result = CsvFiles.Read("14/03/2026,COFFEE BAR,-3.50,996.50\n15/03/2026,SALARY ACME,2000.00,2996.50\n16/03/2026,RENT,-800.00,2196.50\n");

        var lines = CsvFiles.Lines(result);
        Assert.Equal([-3.50m, 2000.00m, -800.00m], lines.Select(l => l.Amount));
        Assert.Equal(("COFFEE BAR", 1), (lines[0].Payee, lines[0].Line));
        Assert.Equal(["Column 1", "Column 2", "Column 3", "Column 4"], result.Settings.Columns);
        Assert.Equal((false, "Column 1", "Column 3", "Column 2"), (result.Settings.Mapping!.HasHeader, result.Settings.Mapping.Date, result.Settings.Mapping.Amount, result.Settings.Mapping.Payee));
        Assert.True(result.Settings.NeedsConfirmation);
    }

    [Fact]
    public void AHeaderlessFileWithComplementaryMoneyColumnsReadsThemAsDebitAndCredit()
    {
        var lines = CsvFiles.Lines(CsvFiles.Read("2026-03-14,Shop,12.50,,100.00\n2026-03-15,Salary,,200.00,300.00\n"));

        Assert.Equal([-12.50m, 200.00m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void PreambleLinesBeforeTheHeaderAreSkipped()
    {
        var text = "Account statement\nAccount:,NL00BANK0123456789\n\nDate,Description,Amount\n2026-03-14,Shop,-1.00\n2026-03-15,Shop,-2.00\n";

        var result = CsvFiles.Read(text);

        Assert.Equal([5, 6], CsvFiles.Lines(result).Select(l => l.Line));
        Assert.Equal(3, result.Settings.Mapping!.SkipRows);
        Assert.Equal(["Date", "Description", "Amount"], result.Settings.Columns);
    }

    [Fact]
    public void DebitAndCreditColumnsGiveTheSign()
    {
        var lines = CsvFiles.Lines(CsvFiles.Read("Date,Description,Debit,Credit\n2026-03-14,Shop,12.50,\n2026-03-15,Salary,,2000.00\n2026-03-16,Refund,-4.00,\n"));

        Assert.Equal([-12.50m, 2000.00m, -4.00m], lines.Select(l => l.Amount));
    }

    [Fact]
    public void ADebitCreditIndicatorColumnSignsUnsignedAmounts()
    {
        var result = CsvFiles.Read("Buchungstag;Empfänger;Verwendungszweck;Betrag;Soll/Haben\n14.03.2026;Bäckerei;Brötchen;3,50;S\n15.03.2026;Arbeitgeber;Gehalt;2.000,00;H\n");

        var lines = CsvFiles.Lines(result);
        Assert.Equal([-3.50m, 2000.00m], lines.Select(l => l.Amount));
        Assert.Equal(("Bäckerei", "Brötchen"), (lines[0].Payee, lines[0].Memo));
        Assert.Equal("Soll/Haben", result.Settings.Mapping!.Sign);
    }

    [Theory]
    [InlineData("Date d'opération;Libellé;Montant;Catégorie", "Fecha;Concepto;Importe;Categoría")]
    public void ReadsFrenchAndSpanishHeaders(string french, string spanish)
    {
        foreach (var header in new[] { french, spanish })
        {
            var result = CsvFiles.Read(header + "\n14/03/2026;Boulangerie;-3,50;Food\n");

            var line = Assert.Single(CsvFiles.Lines(result));
            Assert.Equal((new DateOnly(2026, 3, 14), -3.50m, "Boulangerie", "Food"), (line.Date, line.Amount, line.Payee, line.Category));
        }
    }

    [Fact]
    public void RowsWithAnUnreadableDateOrAmountBecomeErrorsAndTheRestIsRead()
    {
        var result = CsvFiles.Read("Date,Payee,Amount\n2026-03-14,A,-1.00\n2026-02-30,B,-2.00\n2026-03-15,C,lots\n2026-03-16,D,\n,Total,-3.00\n2026-03-17,E,4.00\n");

        Assert.Equal(["A", "E"], CsvFiles.Lines(result).Select(l => l.Payee));
        Assert.Equal([3, 4, 5, 6], result.Statement.Errors.Select(e => e.Line));
        Assert.Contains("2026-02-30", result.Statement.Errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("lots", result.Statement.Errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("summary", result.Statement.Errors[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AHeaderWithoutRowsIsAnEmptyStatementNotAnError()
    {
        var result = CsvFiles.Read("Date,Payee,Amount\n");

        Assert.Empty(CsvFiles.Lines(result));
        Assert.Equal(["Date", "Payee", "Amount"], result.Settings.Columns);
    }

    [Fact]
    public void AHashAtTheStartOfARowIsDataNotAComment()
    {
        var lines = CsvFiles.Lines(CsvFiles.Read("Payee,Date,Amount\n#1 Store,2026-03-14,-1.00\n"));

        Assert.Equal("#1 Store", Assert.Single(lines).Payee);
    }
}
