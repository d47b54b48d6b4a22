using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinanceTracker.Bench;

/// <summary>
/// The figures of one run, in the order measured. Those with a key of issue 14's list go to bench/results/latest.json;
/// every figure goes to the dated markdown table; a listed key not measured is named there, never given a number.
/// </summary>
internal sealed class Results(BenchOptions options)
{
    /// <summary>Issue 14's keys and targets, in its order.</summary>
    public static readonly (string Key, string Target)[] Keys =
    [
        ("list.first_page", "p95 ≤ 8 ms"), ("list.deep_cursor", "p95 ≤ 12 ms"), ("list.account", "p95 ≤ 15 ms"),
        ("list.category", "p95 ≤ 15 ms"), ("list.range_partial", "p95 ≤ 15 ms"), ("list.tag", "p95 ≤ 25 ms"),
        ("list.amount", "p95 ≤ 25 ms"), ("list.search", "p95 ≤ 50 ms"), ("tx.get", ""), ("tx.create", ""), ("tx.update", ""),
        ("tx.delete", ""), ("analytics.summary.warm", "p95 ≤ 3 ms"), ("analytics.by_category.warm", "p95 ≤ 3 ms"),
        ("analytics.monthly.warm", "p95 ≤ 3 ms"), ("analytics.summary.cold_all_time", "≤ 200 ms"),
        ("analytics.by_category.cold_all_time", "≤ 200 ms"), ("import.csv_100k_seconds", "≤ 4 s"),
        ("import.actual_10k_ratio", "≥ 50"), ("export.csv_rows_per_second", "≥ 300,000"), ("throughput.list_c1_rps", ""),
        ("throughput.list_c8_rps", ""), ("throughput.list_c32_rps", "≥ 3,000"), ("memory.api_peak_mb", ""),
        ("memory.web_peak_mb", ""), ("growth.first_page_1m_over_10k", "≤ 1.5"), ("web.transactions_first_page_ms", "≤ 1,000 ms"),
        ("web.dashboard_ms", "≤ 1,000 ms"),
    ];

    private readonly List<Figure> _figures = [];
    private readonly List<string> _failures = [];

    public Latency? LatencyOf(string key) => _figures.FirstOrDefault(f => f.Key == key)?.Latency;

    public void Add(string? key, string label, Latency latency)
    {
        _figures.Add(new Figure(key, label, latency, null, null));
        Console.WriteLine($"{latency.MedianMs,9:F1} {latency.P95Ms,9:F1} {latency.P99Ms,9:F1} {latency.Count,5}  {label}");
    }

    public void Add(string? key, string label, double value, string unit)
    {
        _figures.Add(new Figure(key, label, null, value, unit));
        Console.WriteLine($"{Format(value),29} {unit,-6}  {label}");
    }

    /// <summary>A part that failed: the run goes on, its figures are left out and the markdown says why.</summary>
    public void Failed(string part, Exception error)
    {
        _failures.Add($"{part}: {error.GetType().Name}: {error.Message.Split('\n')[0]}");
        Console.Error.WriteLine($"[bench] {part} failed: {error}");
    }

    public async Task WriteAsync(DateTimeOffset started, IReadOnlyList<string> notes)
    {
        Directory.CreateDirectory(options.ResultsDirectory);
        var json = new JsonObject();
        foreach (var (key, _) in Keys)
        {
            if (_figures.LastOrDefault(f => f.Key == key) is not { } figure) continue;
            json[key] = figure.Latency is { } l
                ? new JsonObject { ["median_ms"] = Round(l.MedianMs), ["p95_ms"] = Round(l.P95Ms), ["p99_ms"] = Round(l.P99Ms) }
                : new JsonObject { ["value"] = Round(figure.Value!.Value), ["unit"] = figure.Unit };
        }
        json["rows"] = options.Rows;
        json["build"] = "Release";
        await File.WriteAllTextAsync(Path.Combine(options.ResultsDirectory, "latest.json"),
            json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var markdown = Path.Combine(options.ResultsDirectory, $"{started:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(markdown, Markdown(started, notes));
        Console.WriteLine($"[bench] wrote {Path.Combine(options.ResultsDirectory, "latest.json")} and {markdown}");
    }

    private string Markdown(DateTimeOffset started, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Benchmark {started:yyyy-MM-dd HH:mm} UTC (`scripts/bench`, Release)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ledger of {options.Rows:N0} transactions (plus {options.OtherPeople} other people with {options.OtherRows:N0} each), " +
            $"up to {options.Requests} requests per latency figure (at most {options.FigureSeconds} s each), over HTTP on loopback, " +
            $"{Environment.ProcessorCount} cores shared with other work.");
        text.AppendLine();
        text.AppendLine("| figure | key | median ms | p95 ms | p99 ms | n | value | target |");
        text.AppendLine("|---|---|--:|--:|--:|--:|--:|---|");
        foreach (var f in _figures)
        {
            var target = Keys.FirstOrDefault(k => k.Key == f.Key).Target ?? "";
            text.AppendLine(f.Latency is { } l
                ? $"| {f.Label} | {f.Key} | {l.MedianMs:F1} | {l.P95Ms:F1} | {l.P99Ms:F1} | {l.Count} | | {target} |"
                : $"| {f.Label} | {f.Key} | | | | | {Format(f.Value!.Value)} {f.Unit} | {target} |");
        }
        var missing = Keys.Where(k => _figures.All(f => f.Key != k.Key)).Select(k => $"`{k.Key}`").ToList();
        text.AppendLine();
        text.AppendLine(missing.Count == 0 ? "Every figure of issue 14 was measured." : $"Not yet measured: {string.Join(", ", missing)}.");
        foreach (var line in _failures.Concat(notes))
        {
            text.AppendLine();
            text.AppendLine("- " + line);
        }
        return text.ToString();
    }

    private static double Round(double value) => Math.Round(value, value >= 100 ? 1 : 2);

    private static string Format(double value) => value >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Figure(string? Key, string Label, Latency? Latency, double? Value, string? Unit);
}
