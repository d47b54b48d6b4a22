using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace FinanceTracker.Api.Import.Ofx;

/// <summary>
/// Reads OFX 1.x SGML (unclosed leaf tags), 2.x XML and files that mix the two into one element tree,
/// with CDATA, comments and processing instructions handled and entities decoded. Not an XML parser on purpose:
/// banks' files are rarely well-formed.
/// </summary>
public static partial class OfxDocument
{
    /// <summary>Decodes the bytes (UTF-8 when they are valid UTF-8, else the header's CHARSET) and reads the tree.</summary>
    public static OfxElement Read(ReadOnlySpan<byte> bytes) => Read(TextDecoding.Decode(bytes, DeclaredCharset(bytes)));

    /// <summary>The charset the header declares (SGML <c>CHARSET:</c> or XML <c>encoding=</c>), or null.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        return CharsetHeader().Match(head) is { Success: true } m ? m.Groups["sgml"].Value + m.Groups["xml"].Value : null;
    }

    public static OfxElement Read(string text)
    {
        var start = text.IndexOf("<OFX>", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            throw new StatementFormatException("Not an OFX file: no <OFX> element was found.");
        }
        var line = 1 + text.AsSpan(0, start).Count('\n');
        var root = new OfxElement("#document", line);
        var stack = new List<OfxElement> { root };
        var position = start;
        var closedOfx = false;
        while (position < text.Length)
        {
            var lt = text.IndexOf('<', position);
            var textEnd = lt < 0 ? text.Length : lt;
            AppendText(stack[^1], text[position..textEnd]);
            line += text.AsSpan(position, textEnd - position).Count('\n');
            if (lt < 0)
            {
                break;
            }
            var (tagEnd, content) = ReadTag(text, lt);
            if (tagEnd < 0)
            {
                throw new StatementFormatException($"The OFX file is cut off inside a tag at line {line}.");
            }
            if (content is { } cdata)
            {
                stack[^1].Value += cdata;
            }
            else
            {
                closedOfx |= Apply(stack, text[(lt + 1)..(tagEnd - 1)].Trim(), line);
            }
            line += text.AsSpan(lt, tagEnd - lt).Count('\n');
            position = tagEnd;
        }
        var ofx = root.Child("OFX");
        if (ofx is null || !closedOfx)
        {
            throw new StatementFormatException("The OFX file is truncated: it ends before </OFX>.");
        }
        return ofx;
    }

    /// <summary>End index (after '>') of the markup at <paramref name="lt"/>, and the text of a CDATA section if it is one.</summary>
    private static (int End, string? Cdata) ReadTag(string text, int lt)
    {
        if (string.CompareOrdinal(text, lt, "<![CDATA[", 0, 9) == 0)
        {
            var end = text.IndexOf("]]>", lt, StringComparison.Ordinal);
            return end < 0 ? (-1, null) : (end + 3, text[(lt + 9)..end]);
        }
        if (string.CompareOrdinal(text, lt, "<!--", 0, 4) == 0)
        {
            var end = text.IndexOf("-->", lt, StringComparison.Ordinal);
            return end < 0 ? (-1, null) : (end + 3, "");
        }
        var gt = text.IndexOf('>', lt);
        return gt < 0 ? (-1, null) : (gt + 1, null);
    }

    /// <summary>Applies one tag to the open-element stack; true when it closed the OFX root.</summary>
    private static bool Apply(List<OfxElement> stack, string tag, int line)
    {
        if (tag.StartsWith('?') || tag.StartsWith('!'))
        {
            return false;
        }
        if (tag.StartsWith('/'))
        {
            var name = tag[1..].Trim();
            var index = stack.FindLastIndex(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (index > 0)
            {
                // Closing an aggregate also closes the SGML leaves left open inside it.
                stack.RemoveRange(index, stack.Count - index);
            }
            return index > 0 && name.Equals("OFX", StringComparison.OrdinalIgnoreCase);
        }
        var selfClosing = tag.EndsWith('/');
        var elementName = tag.TrimEnd('/').Split((char[])[' ', '\t', '\r', '\n'], 2)[0];
        CloseOpenLeaf(stack);
        var element = new OfxElement(elementName, line);
        stack[^1].Children.Add(element);
        if (!selfClosing)
        {
            stack.Add(element);
        }
        return false;
    }

    /// <summary>An open element that holds text, or is no aggregate, is an unclosed SGML leaf: a new tag ends it.</summary>
    private static void CloseOpenLeaf(List<OfxElement> stack)
    {
        var top = stack[^1];
        if (stack.Count > 1 && top.Children.Count == 0 && (top.Value.Trim().Length > 0 || !OfxAggregates.IsAggregate(top.Name)))
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }

    private static void AppendText(OfxElement element, string raw)
    {
        if (raw.Length > 0)
        {
            element.Value += raw.Contains('&') ? WebUtility.HtmlDecode(raw) : raw;
        }
    }

    [GeneratedRegex("""CHARSET:\s*(?<sgml>[^\r\n]*)|encoding\s*=\s*["'](?<xml>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetHeader();
}
