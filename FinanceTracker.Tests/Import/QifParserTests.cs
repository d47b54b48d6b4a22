using FinanceTracker.Api.Import;
using FinanceTracker.Api.Import.Qif;

namespace FinanceTracker.Tests.Import;

public class QifParserTests
{
    [Fact]
    public void ReadsActualsBankExportWithCrlfAndUtf8()
    {
        var statement = QifParser.Parse(BankExports.Read("qif/actual_data.qif"));

        var account = Assert.Single(statement.Accounts);
        Assert.Null(account.Number);
        Assert.Empty(statement.Errors);
        Assert.Equal(18, account.Lines.Count);
        Assert.Equal(394.06m, account.Lines.Sum(l => l.Amount));
        var first = account.Lines[0];
        Assert.Equal((new DateOnly(2018, 12, 19), -25.00m, "COUNTY WASTE 12/18 PURCHASE 804-8439288 VA"), (first.Date, first.Amount, first.Payee));
        Assert.Equal("õSSELDORF KÖLN SALON - LIBBIE GR 12/18 PURCHASE RICHMOND VA", account.Lines[1].Payee);
        Assert.Equal(874.85m, account.Lines[7].Amount);
        Assert.All(account.Lines, l => Assert.Null(l.ImportId));
        Assert.All(account.Lines, l => Assert.Null(l.AccountHint));
    }

    [Fact]
    public void KeepsTheTwoSameDayStarbucksChargesApart()
    {
        var lines = QifParser.Parse(BankExports.Read("qif/actual_data.qif")).Accounts[0].Lines;

        var starbucks = lines.Where(l => l.Payee.StartsWith("STARBUCKS STORE 07604 12/19", StringComparison.Ordinal)).ToList();
        Assert.Equal([-5.21m, -5.41m], starbucks.Select(l => l.Amount).Order().Reverse());
        Assert.All(starbucks, l => Assert.Equal(new DateOnly(2018, 12, 21), l.Date));
    }

    [Fact]
    public void ReadsQuickenApostropheDatesAndSplitsAndSkipsNonBankSections()
    {
        var statement = QifParser.Parse(BankExports.Read("qif/quiffen_test.qif"));

        var lines = Assert.Single(statement.Accounts).Lines;
        Assert.Empty(statement.Errors);
        Assert.Equal([0.00m, 67.50m, 32.00m, -10.00m, -25.00m, -100.00m], lines.Select(l => l.Amount));
        Assert.Equal(new DateOnly(2020, 2, 10), lines[0].Date);
        Assert.Equal(new DateOnly(2020, 2, 14), lines[1].Date);
        Assert.Equal("Opening Balance", lines[0].Payee);
        Assert.Equal("[TestExport]", lines[0].Category);
        Assert.Equal("123", lines[4].Number);
        Assert.Equal("non split transaction", lines[4].Memo);
        Assert.Equal([-15.00m, 82.50m], lines[1].Splits.Select(s => s.Amount));
        Assert.Equal("sign up credit", lines[1].Splits[0].Memo);
        Assert.Equal([-50m, -25m, -10m, -15m], lines[5].Splits.Select(s => s.Amount));
        Assert.Equal(new DateOnly(2020, 2, 10), lines[5].Date);
        Assert.All(lines.Where(l => l.Splits.Count > 0), l => Assert.Equal(l.Amount, l.Splits.Sum(s => s.Amount)));
    }

    [Fact]
    public void ReadsASpacePaddedTwoDigitYearAndASplitToAnAccount()
    {
        var line = Assert.Single(QifParser.Parse(BankExports.Read("qif/quiffen_test_split.qif")).Accounts[0].Lines);

        Assert.Equal((new DateOnly(2000, 1, 1), -10.00m, "A Payee"), (line.Date, line.Amount, line.Payee));
        Assert.Equal(["[An Account]", "A Category"], line.Splits.Select(s => s.Category));
        Assert.Equal([-9.00m, -1.00m], line.Splits.Select(s => s.Amount));
    }

    [Fact]
    public void ReadsCreditCardSectionsUnderAccountHeadersWithBlankLinesAndDayFirstDates()
    {
        const string qif = "!Account\r\nNVisa Gold\r\nTCCard\r\n^\r\n!Type:CCard\r\n\r\nD14.03.26\r\nU-1.234,56\r\nT-1.234,56\r\nP  Corner   Shop \r\n^\r\n\r\nD01.04.2026\r\nT20.00\r\nPRefund\r\n^\r\n";

        var statement = QifParser.Parse(qif);

        var account = Assert.Single(statement.Accounts);
        Assert.Equal(("Visa Gold", "CCard"), (account.Key, account.Type));
        Assert.Equal([new DateOnly(2026, 3, 14), new DateOnly(2026, 4, 1)], account.Lines.Select(l => l.Date));
        Assert.Equal([-1234.56m, 20.00m], account.Lines.Select(l => l.Amount));
        Assert.Equal("Corner Shop", account.Lines[0].Payee);
        Assert.All(account.Lines, l => Assert.Equal("Visa Gold", l.AccountHint));
    }

    [Fact]
    public void SlashDatesAreDayFirstWhenTheFileShowsADayAboveTwelve()
    {
        const string qif = "!Type:Bank\nD03/04/2026\nT-1\n^\nD14/03/2026\nT-2\n^\n";

        var lines = QifParser.Parse(qif).Accounts[0].Lines;

        Assert.Equal([new DateOnly(2026, 4, 3), new DateOnly(2026, 3, 14)], lines.Select(l => l.Date));
    }

    [Fact]
    public void ABrokenRecordReportsItsLineAndTheGoodOnesStillParse()
    {
        const string qif = "!Type:Bank\nD03/14/2026\nT-1.00\nPGood\n^\nDnot a date\nT-2.00\n^\nD03/15/2026\nTlots\n^\nD03/16/2026\nT3.00\n";

        var statement = QifParser.Parse(qif);

        Assert.Equal([-1.00m, 3.00m], statement.Accounts[0].Lines.Select(l => l.Amount));
        Assert.Equal([6, 9], statement.Errors.Select(e => e.Line));
        Assert.Contains("not a date", statement.Errors[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutATypeHeaderIsNotQif()
    {
        Assert.Throws<StatementFormatException>(() => QifParser.Parse("Date,Amount\n2026-03-14,1.00\n"));
    }
}
