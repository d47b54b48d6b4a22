using System.Diagnostics;
using System.Text.Json;

namespace FinanceTracker.Bench;

/// <summary>
/// Side by side with a peer: Actual Budget's own Node API adds and imports the same generated lines into a new local
/// budget (Actual/import.mjs), and we import them through our Api; the ratio is Actual's import time ÷ ours.
/// </summary>
internal sealed class ActualComparison(BenchOptions options, Results results)
{
    public async Task RunAsync(double ourSeconds)
    {
        var modules = options.ActualModules ?? throw new InvalidOperationException("BENCH_ACTUAL_MODULES is not set");
        var lines = Path.Combine(options.DataDirectory, $"actual-{options.ActualRows}.json");
        await File.WriteAllTextAsync(lines, JsonSerializer.Serialize(StatementLine.Generate(options.ActualRows).Select(l => new
        {
            date = l.Date.ToString("yyyy-MM-dd"), amount = l.Amount, payee = l.Payee, notes = l.Description,
        })));
        var budgets = Path.Combine(options.DataDirectory, "actual-budgets");
        if (Directory.Exists(budgets)) Directory.Delete(budgets, recursive: true);

        var script = Path.Combine(AppContext.BaseDirectory, "Actual", "import.mjs");
        var start = new ProcessStartInfo("nice", ["-n", "15", "node", script, modules, budgets, lines]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var node = Process.Start(start)!;
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = node.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(options.ActualSeconds));
        try
        {
            await node.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            throw new TimeoutException($"Actual's script did not finish within {options.ActualSeconds} s (BENCH_ACTUAL_SECONDS)");
        }
        var last = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (node.ExitCode != 0 || last is null || !last.StartsWith('{'))
        {
            throw new InvalidOperationException($"Actual's script failed ({node.ExitCode}): {(await stderr).Split('\n').FirstOrDefault(l => l.Contains("Error"))}");
        }
        var actual = JsonDocument.Parse(last).RootElement;
        var add = actual.GetProperty("add").GetDouble();
        var import = actual.GetProperty("import").GetDouble();
        results.Add(null, $"Actual Budget API addTransactions, {options.ActualRows:N0} lines", add, "s");
        results.Add(null, $"Actual Budget API importTransactions, {options.ActualRows:N0} lines ({actual.GetProperty("imported").GetInt32()} added)", import, "s");
        results.Add(options.ActualRows == 10_000 ? "import.actual_10k_ratio" : null,
            $"Actual's importTransactions ÷ our CSV import (preview + commit), {options.ActualRows:N0} lines", import / ourSeconds, "ratio");
    }
}
