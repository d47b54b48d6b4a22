using System.Text;
using FinanceTracker.Api.Import;
using FinanceTracker.Api.Import.Ofx;
using FinanceTracker.Api.Import.Qif;

namespace FinanceTracker.Tests.Import;

/// <summary>The facade: the format comes from the bytes, and files that are no bank export are refused in plain words.</summary>
public class StatementReaderTests
{
    [Fact]
    public void RefusesAnEmptyFile()
    {
        Assert.Equal("The file is empty.", CsvFiles.Refused([]).Message);
    }

    [Fact]
    public void RefusesAFileOfBlankLines()
    {
        Assert.Contains("empty", CsvFiles.Refused("\r\n\n  \n"u8.ToArray()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAPngRenamedCsv()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

        Assert.Equal("This looks like an image (PNG), not a bank export. Upload the CSV, OFX/QFX or QIF file your bank exports.", CsvFiles.Refused(png, "photo.csv").Message);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "ZIP")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10 }, "JPEG")]
    public void RefusesOtherKnownBinaryFormats(byte[] bytes, string named)
    {
        Assert.Contains(named, CsvFiles.Refused(bytes, "statement.ofx").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesBinaryGarbage()
    {
        var garbage = new byte[4096];
        new Random(11).NextBytes(garbage);
        garbage[0] = (byte)'a';

        Assert.Contains("binary", CsvFiles.Refused(garbage).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesACsvWithTenThousandColumns()
    {
        var line = string.Join(',', Enumerable.Repeat("a", 10_000));
        var bytes = Encoding.ASCII.GetBytes(line + "\n" + line + "\n");

        Assert.Contains("10,000 columns", CsvFiles.Refused(bytes).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFiveMegabyteSingleLine()
    {
        var bytes = Encoding.ASCII.GetBytes("Date,Payee,Amount\n2026-03-14,Shop,-1.00\n2026-03-14," + new string('x', 5 * 1024 * 1024) + ",-1.00\n");

        Assert.Equal("Line 3 is longer than 64 KB; this does not look like a bank export.", CsvFiles.Refused(bytes).Message);
    }

    [Fact]
    public void RefusesALongLineFarIntoTheFile()
    {
        var rows = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"2026-03-14,Shop {i},-1.00\n"));
        var bytes = Encoding.ASCII.GetBytes("Date,Payee,Amount\n" + rows + "2026-03-14," + new string('x', 100_000) + ",-1.00\n");

        Assert.Equal("Line 20002 is longer than 64 KB; this does not look like a bank export.", CsvFiles.Refused(bytes).Message);
    }

    [Fact]
    public void RefusesAFileOverTheSizeLimit()
    {
        using var huge = new SizedStream(StatementReader.MaxFileBytes + 1);

        var refused = Assert.Throws<StatementFormatException>(() => StatementReader.Read(huge, "big.csv", null));

        Assert.Contains("50 MB", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesATruncatedOfx()
    {
        var bytes = BankExports.Read("ofx/actual_data.ofx");

        var refused = CsvFiles.Refused(bytes[..(bytes.Length / 2)], "statement.csv");

        Assert.Contains("OFX", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ofx/actual_data.ofx")]
    [InlineData("ofx/actual_8859-1.qfx")]
    [InlineData("ofx/ofxparse_bank_medium.ofx")]
    [InlineData("ofx/ofxparse_multiple_accounts2.ofx")]
    [InlineData("ofx/ofxparse_ofx-v102-empty-tags.ofx")]
    [InlineData("ofx/ofxparse_suncorp.ofx")]
    public void OfxFilesReadAsTheirParserReadsThemWhateverTheirName(string file)
    {
        var bytes = BankExports.Read(file);

        var result = CsvFiles.Read(bytes, fileName: "download.csv");

        var expected = OfxParser.Parse(bytes);
        Assert.Equal("ofx", result.Settings.Format);
        Assert.Equal(expected.Accounts.Select(a => (a.Key, a.Lines.Count)), result.Statement.Accounts.Select(a => (a.Key, a.Lines.Count)));
        Assert.Equal(expected.Accounts.SelectMany(a => a.Lines), result.Statement.Accounts.SelectMany(a => a.Lines));
        Assert.Null(result.Settings.Mapping);
        Assert.Empty(result.Settings.Columns);
    }

    [Theory]
    [InlineData("qif/actual_data.qif")]
    [InlineData("qif/quiffen_test.qif")]
    [InlineData("qif/quiffen_test_split.qif")]
    public void QifFilesReadAsTheirParserReadsThem(string file)
    {
        var bytes = BankExports.Read(file);

        var result = CsvFiles.Read(bytes, fileName: "export.txt");

        var expected = QifParser.Parse(bytes);
        Assert.Equal("qif", result.Settings.Format);
        Assert.Equal(expected.Accounts.SelectMany(a => a.Lines).Select(l => (l.Line, l.Date, l.Amount, l.Payee)),
            result.Statement.Accounts.SelectMany(a => a.Lines).Select(l => (l.Line, l.Date, l.Amount, l.Payee)));
    }

    [Fact]
    public void TellsFormatsApartByTheirFirstLinesAfterBlankLines()
    {
        var qif = CsvFiles.Read("\r\n\r\n!Type:Bank\r\nD03/14/2026\r\nT-1.00\r\nPShop\r\n^\r\n");
        var ofx = CsvFiles.Read("\n\n" + OfxSamples.BankAndCard, fileName: "x.csv");

        Assert.Equal(("qif", "ofx"), (qif.Settings.Format, ofx.Settings.Format));
        Assert.Equal("utf-8", qif.Settings.Encoding);
    }

    /// <summary>A stream that claims a length without holding the bytes.</summary>
    private sealed class SizedStream(long length) : MemoryStream
    {
        public override long Length => length;
    }
}
