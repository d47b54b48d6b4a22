using System.Text;
using FinanceTracker.Api.Import;
using FinanceTracker.Api.Import.Ofx;

namespace FinanceTracker.Tests.Import;

public class OfxParserTests
{
    [Fact]
    public void ReadsActualsSgmlExportInOrderWithFitids()
    {
        var statement = OfxParser.Parse(BankExports.Read("ofx/actual_data.ofx"));

        var account = Assert.Single(statement.Accounts);
        Assert.Empty(statement.Errors);
        Assert.Equal(("012345678:123456789123", "123456789123", "CHECKING", "USD"), (account.Key, account.Number, account.Type, account.Currency));
        Assert.Equal([-30.00m, -3.77m, -9.62m, -115.99m, -10.34m, -22.53m, -108.71m, -25.00m, -32.38m, -6.07m], account.Lines.Select(l => l.Amount));
        Assert.Equal(-364.41m, account.Lines.Sum(l => l.Amount));
        Assert.All(account.Lines.Take(3), l => Assert.Equal(new DateOnly(2019, 1, 23), l.Date));
        Assert.All(account.Lines.Skip(3), l => Assert.Equal(new DateOnly(2019, 1, 22), l.Date));
        Assert.Equal("PATIENT FIRST TOKEN 01/22 PURCHA", account.Lines[0].Payee);
        Assert.Equal("00092990122-30.00019012312798.01", account.Lines[0].ImportId);
        Assert.Equal(10, account.Lines.Select(l => l.ImportId).Distinct().Count());
        Assert.Contains(account.Lines, l => l.Payee == "TMOBILE*AUTO PAY 01/19 PURCHASE");
        Assert.All(account.Lines, l => Assert.Equal("012345678:123456789123", l.AccountHint));
    }

    [Fact]
    public void ReadsUtf8BytesDespiteAnIso88591CharsetHeader()
    {
        var line = Assert.Single(OfxParser.Parse(BankExports.Read("ofx/actual_8859-1.qfx")).Accounts[0].Lines);

        Assert.Equal("Paiement facture/Carte prépayée", line.Payee);
        Assert.Equal(("PWW", "wSoKuCS77", -20.00m, new DateOnly(2022, 10, 19)), (line.Memo, line.ImportId, line.Amount, line.Date));
    }

    [Fact]
    public void ReadsSgmlWithEverythingOnOneLineAndATimezoneInTheDate()
    {
        var account = Assert.Single(OfxParser.Parse(BankExports.Read("ofx/ofxparse_bank_medium.ofx")).Accounts);

        Assert.Equal(("160000100:12300 000012345678", "CAD", 382.34m), (account.Key, account.Currency, account.LedgerBalance));
        Assert.Equal(3, account.Lines.Count);
        Assert.Equal(-345.27m, account.Lines.Sum(l => l.Amount));
        Assert.Equal(("MCDONALD'S #112", -6.60m, new DateOnly(2009, 4, 1)), (account.Lines[0].Payee, account.Lines[0].Amount, account.Lines[0].Date));
        Assert.Equal("0000123456782009040100001", account.Lines[0].ImportId);
    }

    [Fact]
    public void ReadsTwoXmlAccountsWithNoTransactions()
    {
        var statement = OfxParser.Parse(BankExports.Read("ofx/ofxparse_multiple_accounts2.ofx"));

        Assert.Equal(["9100", "9200"], statement.Accounts.Select(a => a.Number));
        Assert.Equal(["CHECKING", "SAVINGS"], statement.Accounts.Select(a => a.Type));
        Assert.Equal([111m, 222m], statement.Accounts.Select(a => a.LedgerBalance));
        Assert.Equal(0, statement.RowCount);
    }

    [Fact]
    public void ReadsEmptyTagsAfterBlankLinesAndFallsBackToTheMemoForThePayee()
    {
        var account = Assert.Single(OfxParser.Parse(BankExports.Read("ofx/ofxparse_ofx-v102-empty-tags.ofx")).Accounts);

        Assert.Equal(("NPBS:12345678", null, null, null), (account.Key, account.Type, account.Currency, account.LedgerBalance));
        var line = Assert.Single(account.Lines);
        Assert.Equal((12.34m, new DateOnly(2018, 5, 7), "CBA:Transfer", (string?)null), (line.Amount, line.Date, line.Memo, line.ImportId));
        Assert.Equal("CBA:Transfer", line.Payee);
    }

    [Fact]
    public void ReadsCdataAndTrimsThePayeeButNotTheMemosInnerSpaces()
    {
        var line = Assert.Single(OfxParser.Parse(BankExports.Read("ofx/ofxparse_suncorp.ofx")).Accounts[0].Lines);

        Assert.Equal("EFTPOS WDL HANDYWAY ALDI STORE", line.Payee);
        Assert.Equal("EFTPOS WDL HANDYWAY ALDI STORE   GEELONG WEST VICAU", line.Memo);
        Assert.Equal(-16.85m, line.Amount);
    }

    [Fact]
    public void ReadsBankAndCreditCardStatementsFromOneMixedFile()
    {
        var statement = OfxParser.Parse(OfxSamples.BankAndCard);

        Assert.Equal(["111:222", "4111", "4111#2"], statement.Accounts.Select(a => a.Key));
        Assert.Equal(["SAVINGS", "CREDITCARD", "CREDITCARD"], statement.Accounts.Select(a => a.Type));
        var bank = statement.Accounts[0].Lines;
        Assert.Equal([(-1.50m, "AT&T <mobile>", "A1"), (2.00m, "note", "A2")], bank.Select(l => (l.Amount, l.Payee, l.ImportId!)));
        Assert.Equal("note", bank[1].Memo);
        var card = Assert.Single(statement.Accounts[1].Lines);
        Assert.Equal((-42.00m, "Café", (string?)null, new DateOnly(2026, 3, 14)), (card.Amount, card.Payee, card.ImportId, card.Date));
        Assert.Single(statement.Accounts[2].Lines);
    }

    [Fact]
    public void DecodesWindows1252BytesWhenTheyAreNotUtf8()
    {
        var bytes = TextDecoding.Windows1252.GetBytes(OfxSamples.BankAndCard);

        var card = OfxParser.Parse(bytes).Accounts[1].Lines[0];

        Assert.Equal("Café", card.Payee);
    }

    [Fact]
    public void ABrokenTransactionReportsItsLineAndTheOthersStillParse()
    {
        var statement = OfxParser.Parse(OfxSamples.BankAndCard.Replace("<TRNAMT>-42.00", "<TRNAMT>lots", StringComparison.Ordinal));

        var error = Assert.Single(statement.Errors);
        Assert.Contains("lots", error.Reason, StringComparison.Ordinal);
        // The error points at the transaction's <STMTTRN>, three lines above its TRNAMT.
        Assert.Equal(OfxSamples.LineOf("<TRNAMT>-42.00") - 3, error.Line);
        Assert.Equal(3, statement.RowCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Date,Amount\n2026-03-14,1.00\n")]
    [InlineData("OFXHEADER:100\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST><STMTTRN><TRNAMT>1")]
    [InlineData("<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>")]
    public void AFileThatIsNotACompleteStatementIsRejectedAsAWhole(string text)
    {
        Assert.Throws<StatementFormatException>(() => OfxParser.Parse(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void BinaryGarbageIsRejectedAsAWhole()
    {
        var garbage = new byte[4096];
        new Random(11).NextBytes(garbage);

        Assert.Throws<StatementFormatException>(() => OfxParser.Parse(garbage));
    }
}
