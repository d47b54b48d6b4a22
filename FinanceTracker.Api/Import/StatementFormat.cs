using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>Tells OFX/QFX, QIF and CSV apart from the start of the file; the file name only breaks ties.</summary>
internal static class StatementFormat
{
    public static string Detect(ReadOnlySpan<byte> head, string? fileName)
    {
        var text = Encoding.Latin1.GetString(head).TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF').TrimStart();
        while (text.StartsWith('#') && text.IndexOf('\n') is var end and > 0)
        {
            // QIF files from Quicken-like tools start with # comment lines.
            text = text[(end + 1)..].TrimStart();
        }
        var extension = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (StartsWith(text, "OFXHEADER") || StartsWith(text, "<OFX") || StartsWith(text, "<?OFX")
            || (StartsWith(text, "<?xml") && text.Contains("OFX", StringComparison.OrdinalIgnoreCase))
            || (text.Contains("<OFX>", StringComparison.OrdinalIgnoreCase) && (text.StartsWith('<') || extension is ".ofx" or ".qfx")))
        {
            return "ofx";
        }
        if (StartsWith(text, "!Type:") || StartsWith(text, "!Account") || StartsWith(text, "!Option") || StartsWith(text, "!Clear:")
            || (text.StartsWith('!') && extension == ".qif"))
        {
            return "qif";
        }
        if (text.StartsWith('<') && extension is ".ofx" or ".qfx")
        {
            return "ofx";
        }
        return "csv";
    }

    private static bool StartsWith(string text, string prefix) => text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
}
