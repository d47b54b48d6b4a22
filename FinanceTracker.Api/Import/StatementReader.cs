using FinanceTracker.Api.Import.Csv;
using FinanceTracker.Api.Import.Ofx;
using FinanceTracker.Api.Import.Qif;

namespace FinanceTracker.Api.Import;

/// <summary>What <see cref="StatementReader.Read"/> found: the rows, and the settings to show the person for confirmation.</summary>
public sealed record StatementReadResult(ParsedStatement Statement, ImportSettings Settings);

/// <summary>
/// The one entry point the Api calls with an uploaded bank file: tells OFX/QFX, QIF and CSV apart by their bytes
/// (the file name only breaks ties), refuses empty, binary and oversized files with a sentence a person understands
/// (<see cref="StatementFormatException"/>), and reads the rest.
/// </summary>
public static class StatementReader
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    public const int MaxLineBytes = 64 * 1024;
    public const int MaxColumns = 500;

    /// <param name="content">A seekable stream positioned at the start of the file (the Api buffers the upload).</param>
    /// <param name="fileName">The uploaded file's name, or null; used only when the bytes leave the format open.</param>
    /// <param name="mapping">CSV only: the person's choices, each overriding what would be detected; ignored for OFX and QIF.</param>
    public static StatementReadResult Read(Stream content, string? fileName, CsvMapping? mapping)
    {
        if (!content.CanSeek)
        {
            throw new ArgumentException("The stream must be seekable.", nameof(content));
        }
        var length = content.Length - content.Position;
        if (length == 0)
        {
            throw new StatementFormatException("The file is empty.");
        }
        if (length > MaxFileBytes)
        {
            throw new StatementFormatException($"The file is {length / (1024 * 1024)} MB; bank exports up to {MaxFileBytes / (1024 * 1024)} MB are read.");
        }
        var start = content.Position;
        var head = ReadHead(content, start);
        FileSignatures.ThrowIfNotText(head);
        switch (StatementFormat.Detect(head, fileName))
        {
            case "ofx":
                return OfxOrQif(content, start, "ofx", checkLines: false);
            case "qif":
                return OfxOrQif(content, start, "qif", checkLines: true);
            default:
                content.Position = start;
                return CsvStatementReader.Read(content, mapping);
        }
    }

    private static byte[] ReadHead(Stream content, long start)
    {
        var head = new byte[(int)Math.Min(content.Length - start, FileSignatures.HeadBytes)];
        content.Position = start;
        content.ReadExactly(head);
        return head;
    }

    /// <summary>OFX and QIF parsers work on the whole file's bytes (at most <see cref="MaxFileBytes"/>).</summary>
    private static StatementReadResult OfxOrQif(Stream content, long start, string format, bool checkLines)
    {
        var bytes = new byte[content.Length - start];
        content.Position = start;
        content.ReadExactly(bytes);
        if (checkLines)
        {
            LineLimit.ThrowIfTooLong(bytes);
        }
        // OFX lines are not limited: OFX 2 files written on one line are legitimate.
        var statement = format == "ofx" ? OfxParser.Parse(bytes) : QifParser.Parse(bytes);
        var encoding = format == "ofx" ? TextDecoding.Choose(bytes, OfxDocument.DeclaredCharset(bytes)) : TextDecoding.Choose(bytes);
        var settings = new ImportSettings(format, encoding.WebName, [], null, [], false, []);
        return new StatementReadResult(statement, settings);
    }
}
