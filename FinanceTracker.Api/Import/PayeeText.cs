using System.Text;

namespace FinanceTracker.Api.Import;

/// <summary>Payee clean-up shared by every format: imported payees are trimmed and inner runs of spaces collapsed.</summary>
public static class PayeeText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        if (IsClean(text))
        {
            return text;
        }
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Already trimmed, with no control characters and no whitespace but single plain spaces: nothing to copy.</summary>
    private static bool IsClean(string text)
    {
        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || (char.IsWhiteSpace(c) && (c != ' ' || text[i - 1] == ' ')))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The comparison form used by de-duplication: cleaned, then upper-cased without regard to culture.</summary>
    public static string Normalise(string? text) => Clean(text).ToUpperInvariant();
}
