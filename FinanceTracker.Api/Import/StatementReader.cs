using FinanceTracker.Api.Import.Ofx;
using FinanceTracker.Api.Import.Qif;

namespace FinanceTracker.Api.Import;

// TEMPORARY (replaced by the csv branch's StatementReader at merge): OFX and QIF only.
public sealed record StatementReadResult(ParsedStatement Statement, ImportSettings Settings);

public static class StatementReader
{
    public static StatementReadResult Read(Stream content, string? fileName, CsvMapping? mapping)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0) throw new StatementFormatException("The file is empty.");
        var head = System.Text.Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 2048)).TrimStart();
        ParsedStatement statement = head.StartsWith('!') ? QifParser.Parse(bytes)
            : head.Contains("OFX", StringComparison.Ordinal) ? OfxParser.Parse(bytes)
            : throw new StatementFormatException("CSV is not read yet.");
        return new StatementReadResult(statement, new ImportSettings(statement.Format, "utf-8", [], null, [], false, []));
    }
}
