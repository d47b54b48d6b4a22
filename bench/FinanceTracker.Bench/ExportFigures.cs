using System.Diagnostics;

namespace FinanceTracker.Bench;

/// <summary>
/// The big person's full CSV export (rows per second, read as a client streams it; the first after the Api started, then
/// the one measured) with the Api's resident memory sampled meanwhile (flat memory: the export streams), and their JSON
/// backup export.
/// </summary>
internal sealed class ExportFigures(BenchApi api, BenchOptions options, Results results)
{
    public async Task RunAsync(Person person)
    {
        // The first export after the Api started also compiles its code (measured: 270,000 rows/s, against 450,000 and
        // more once compiled): printed, then the export is measured again as every later one runs.
        var (firstLines, firstSeconds, _) = await StreamAsync("/api/exports/transactions?format=csv", person.Auth, countLines: true);
        results.Add(null, "CSV export, rows per second, the first after the Api started", (firstLines - 1) / firstSeconds, "rows/s");

        var before = ProcessMemory.ResidentMb(options.ApiPid);
        var peak = before ?? 0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, ProcessMemory.ResidentMb(options.ApiPid) ?? 0);
                await Task.Delay(100);
            }
        });

        var (rows, seconds, _) = await StreamAsync("/api/exports/transactions?format=csv", person.Auth, countLines: true);
        await sampling.CancelAsync();
        await sampler;
        rows -= 1; // the header
        if (rows != person.Rows)
        {
            throw new InvalidOperationException($"the export had {rows} rows, the ledger {person.Rows}");
        }
        results.Add(null, $"CSV export of {rows:N0} rows", seconds, "s");
        results.Add("export.csv_rows_per_second", "CSV export, rows per second", rows / seconds, "rows/s");
        if (before is { } start)
        {
            results.Add(null, "Api resident memory during the export, growth over its start", peak - start, "MB");
        }

        var (_, backupSeconds, bytes) = await StreamAsync("/api/exports/backup", person.Auth, countLines: false);
        results.Add(null, $"backup export (JSON, {bytes / 1048576.0:F0} MB)", backupSeconds, "s");
    }

    private async Task<(long Lines, double Seconds, long Bytes)> StreamAsync(string path, string token, bool countLines)
    {
        var watch = Stopwatch.StartNew();
        using var request = BenchApi.Request(HttpMethod.Get, path, token);
        using var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[1 << 16];
        long lines = 0, bytes = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            bytes += read;
            if (countLines)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
            }
        }
        return (lines, watch.Elapsed.TotalSeconds, bytes);
    }
}
