using System.Text;

namespace FinanceTracker.Tests.Import;

/// <summary>The encodings banks write CSV in: UTF-8 with and without BOM, Windows-1252, ISO-8859-1, UTF-16 with BOM.</summary>
public class CsvEncodingTests
{
    private const string Text = "Date;Payee;Amount\n14/03/2026;Café Müller – Crème;-3,50\n15/03/2026;Société Générale €;10,00\n";

    static CsvEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ReadsUtf8WithAndWithoutBom(bool bom)
    {
        var bytes = (bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        var result = CsvFiles.Read(bytes);

        Assert.Equal(["Café Müller – Crème", "Société Générale €"], CsvFiles.Lines(result).Select(l => l.Payee));
        Assert.Equal("utf-8", result.Settings.Encoding);
        Assert.Equal("Date", result.Settings.Columns[0]);
    }

    [Fact]
    public void ReadsWindows1252Bytes()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Text);
        Assert.Contains((byte)0xE9, bytes);
        Assert.Contains((byte)0x80, bytes);

        var result = CsvFiles.Read(bytes);

        Assert.Equal(["Café Müller – Crème", "Société Générale €"], CsvFiles.Lines(result).Select(l => l.Payee));
        Assert.Equal("windows-1252", result.Settings.Encoding);
    }

    [Fact]
    public void ReadsIso88591Bytes()
    {
        var bytes = Encoding.Latin1.GetBytes("Datum;Omschrijving;Bedrag\n14-03-2026;Crédit Agricole à Orléans;-3,50\n");

        var line = Assert.Single(CsvFiles.Lines(CsvFiles.Read(bytes)));

        Assert.Equal("Crédit Agricole à Orléans", line.Payee);
    }

    [Fact]
    public void NonUtf8BytesFarIntoTheFileStillChooseWindows1252()
    {
        var rows = string.Concat(Enumerable.Range(0, 5000).Select(i => $"14/03/2026;Shop {i};-1,00\n"));
        var bytes = Encoding.GetEncoding(1252).GetBytes("Date;Payee;Amount\n" + rows + "15/03/2026;Caf\u00e9;-2,00\n");

        var lines = CsvFiles.Lines(CsvFiles.Read(bytes));

        Assert.Equal("Café", lines[^1].Payee);
    }

    [Fact]
    public void ReadsUtf16WithBom()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text)).ToArray();

        Assert.Equal("Société Générale €", CsvFiles.Lines(CsvFiles.Read(bytes))[1].Payee);
    }

    [Fact]
    public void TheMappingCanNameTheEncoding()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Text);

        var result = CsvFiles.Read(bytes, new(Encoding: "iso-8859-1"));

        Assert.Equal("Café Müller – Crème", CsvFiles.Lines(result)[0].Payee);
    }
}
