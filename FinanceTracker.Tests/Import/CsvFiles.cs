using System.Text;
using FinanceTracker.Api.Import;

namespace FinanceTracker.Tests.Import;

/// <summary>CSV files the tests write themselves, read through <see cref="StatementReader"/> as the Api reads an upload.</summary>
public static class CsvFiles
{
    public static StatementReadResult Read(string text, CsvMapping? mapping = null, string fileName = "export.csv") =>
        Read(Encoding.UTF8.GetBytes(text), mapping, fileName);

    public static StatementReadResult Read(byte[] bytes, CsvMapping? mapping = null, string fileName = "export.csv")
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return StatementReader.Read(stream, fileName, mapping);
    }

    public static IReadOnlyList<StatementLine> Lines(StatementReadResult result) => Assert.Single(result.Statement.Accounts).Lines;

    public static StatementFormatException Refused(byte[] bytes, string fileName = "export.csv", CsvMapping? mapping = null) =>
        Assert.Throws<StatementFormatException>(() => Read(bytes, mapping, fileName));
}
