using System.Buffers;
using System.Globalization;
using System.Text;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Rows of RFC 4180 CSV (CRLF, quotes doubled, a field quoted when it holds a comma, quote or line break), encoded
/// straight to UTF-8 bytes in one reused buffer that the caller sends on and empties every few dozen KB: no string per
/// row or per cell. Text cells are guarded against formula injection the OWASP way.
/// </summary>
internal sealed class CsvBuffer
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly ArrayBufferWriter<byte> bytes = new(96 * 1024);
    private bool inRow;

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int Length => bytes.WrittenCount;

    public ReadOnlyMemory<byte> Written => bytes.WrittenMemory;

    public void Clear() => bytes.ResetWrittenCount();

    /// <summary>Text from the ledger: a leading = + - @ tab or CR gets an apostrophe, so a spreadsheet shows it instead of running it.</summary>
    public CsvBuffer Text(ReadOnlySpan<char> value)
    {
        Separator();
        Encode(value, bytes);
        return this;
    }

    /// <summary>A cell encoded once with <see cref="Cell"/> (an account's name, a currency): copied as it is.</summary>
    public CsvBuffer Encoded(ReadOnlySpan<byte> cell)
    {
        Separator();
        bytes.Write(cell);
        return this;
    }

    /// <summary>A date as ISO yyyy-MM-dd.</summary>
    public CsvBuffer Date(DateOnly date)
    {
        Separator();
        var span = bytes.GetSpan(10);
        date.TryFormat(span, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        bytes.Advance(written);
        return this;
    }

    /// <summary>An amount the server formatted itself (such as -12.50): written as it is, never guarded.</summary>
    public CsvBuffer Number(decimal value)
    {
        Separator();
        var span = bytes.GetSpan(32);
        value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        bytes.Advance(written);
        return this;
    }

    public void EndRow()
    {
        bytes.Write("\r\n"u8);
        inRow = false;
    }

    /// <summary>A text cell's bytes (guarded, quoted as needed), to pass to <see cref="Encoded"/> row after row.</summary>
    public static byte[] Cell(string value)
    {
        var cell = new ArrayBufferWriter<byte>();
        Encode(value, cell);
        return cell.WrittenSpan.ToArray();
    }

    private void Separator()
    {
        if (inRow)
        {
            bytes.Write(","u8);
        }
        inRow = true;
    }

    private static void Encode(ReadOnlySpan<char> value, ArrayBufferWriter<byte> output)
    {
        var guard = value is ['=' or '+' or '-' or '@' or '\t' or '\r', ..];
        var quoted = value.IndexOfAny(NeedsQuotes) >= 0;
        // UTF-8 takes at most 3 bytes per char; a doubled quote takes 2; plus the apostrophe and both quotes.
        var span = output.GetSpan(Utf8.GetMaxByteCount(value.Length) + 3);
        var at = 0;
        if (quoted)
        {
            span[at++] = (byte)'"';
        }
        if (guard)
        {
            span[at++] = (byte)'\'';
        }
        if (!quoted)
        {
            at += Utf8.GetBytes(value, span[at..]);
        }
        else
        {
            var rest = value;
            int quote;
            while ((quote = rest.IndexOf('"')) >= 0)
            {
                at += Utf8.GetBytes(rest[..quote], span[at..]);
                span[at++] = (byte)'"';
                span[at++] = (byte)'"';
                rest = rest[(quote + 1)..];
            }
            at += Utf8.GetBytes(rest, span[at..]);
            span[at++] = (byte)'"';
        }
        output.Advance(at);
    }
}
