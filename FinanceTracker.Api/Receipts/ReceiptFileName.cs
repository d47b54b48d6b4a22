using System.Globalization;
using System.Text;

namespace FinanceTracker.Api.Receipts;

/// <summary>
/// The client's file name made harmless to store and show: it is metadata only (blob names are the
/// server's), so it keeps just the last path segment, without control or bidi-formatting characters.
/// </summary>
internal static class ReceiptFileName
{
    public const int MaxLength = 255;
    private const string Fallback = "receipt";

    public static string Clean(string? raw)
    {
        var builder = new StringBuilder(raw?.Length ?? 0);
        foreach (var c in raw ?? "")
        {
            var category = char.GetUnicodeCategory(c);
            // Format covers the right-to-left override that makes "gpj.exe" display as "exe.jpg".
            if (category is not (UnicodeCategory.Control or UnicodeCategory.Format))
            {
                builder.Append(c);
            }
        }
        var text = builder.ToString();
        var name = text[(text.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        if (name.Length > MaxLength)
        {
            // Never split a surrogate pair: the column holds whole characters.
            name = name[..(char.IsHighSurrogate(name[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
        }
        return name is "" or "." or ".." ? Fallback : name;
    }
}
