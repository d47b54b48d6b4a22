using System.Diagnostics;

namespace FinanceTracker.AppHost.Hosting.Backups;

/// <summary>Runs a database client program (mariadb-dump, mariadb) to completion, failing with what it wrote to stderr.</summary>
internal static class ClientProcess
{
    public static async Task RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken, string? standardInputFile = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardInput = standardInputFile is not null };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        if (standardInputFile is not null)
        {
            await using (var input = File.OpenRead(standardInputFile))
            {
                await input.CopyToAsync(process.StandardInput.BaseStream, cancellationToken);
            }
            process.StandardInput.Close();
        }
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {(await errors).Trim()}");
        }
    }
}
