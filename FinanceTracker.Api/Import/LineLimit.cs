namespace FinanceTracker.Api.Import;

/// <summary>Refuses text with a line longer than <see cref="StatementReader.MaxLineBytes"/>: no bank writes one.</summary>
internal static class LineLimit
{
    public static void ThrowIfTooLong(ReadOnlySpan<byte> bytes)
    {
        var line = 1;
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            var length = end < 0 ? bytes.Length : end;
            if (length > StatementReader.MaxLineBytes)
            {
                throw TooLong(line);
            }
            bytes = end < 0 ? [] : bytes[(end + 1)..];
            line++;
        }
    }

    public static StatementFormatException TooLong(int line) =>
        new($"Line {line} is longer than {StatementReader.MaxLineBytes / 1024} KB; this does not look like a bank export.");
}
