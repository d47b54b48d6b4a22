namespace FinanceTracker.AppHost.Hosting;

internal static class SecretFiles
{
    /// <summary>Writes a file that holds a secret (a password a server reads at start) readable by its owner only.</summary>
    public static async Task WriteAsync(string path, string contents, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
        await file.WriteAsync(contents.AsMemory(), cancellationToken);
    }
}
