using System.Globalization;
using FinanceTracker.Bench;

// scripts/bench runs this against the AppHost it started: seeds once, measures over HTTP, writes bench/results/.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchOptions.FromEnvironment();
var started = DateTimeOffset.UtcNow;
var loadAtStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];
var database = new BenchDatabase(options.MySqlConnectionString);
var api = new BenchApi(options.ApiUrl);
var results = new Results(options);
var timer = new RequestTimer(options);
var analytics = new AnalyticsFigures(database, api, timer, results);

var people = await new Seeder(database, api, options).PrepareAsync();
var big = people.Single(p => p.Rows == options.Rows);
Console.WriteLine($"Ledger of {options.Rows:N0} rows; median_ms p95_ms p99_ms n, or value unit; figure");

// BENCH_ONLY=list,analytics runs only those parts (to re-measure after a change); by default every part runs.
var only = Environment.GetEnvironmentVariable("BENCH_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

async Task Part(string name, Func<Task> run)
{
    if (only is { Length: > 0 } && !only.Contains(name)) return;
    try { await run(); }
    catch (Exception error) { results.Failed(name, error); }
}

await Part("list", () => new ListFigures(database, api, timer, results, options).RunAsync(big));
if (options.ProxyUrl is { } proxy && proxy != options.ApiUrl)
{
    var viaProxy = new BenchApi(proxy);
    await Part("proxy", async () => results.Add(null, $"first page (50) through the AppHost's proxy ({proxy.Authority})",
        await timer.MeasureAsync(_ => viaProxy.SendAsync(HttpMethod.Get, "/api/transactions?pageSize=50&totals=false", big.Auth))));
}
await Part("writes", () => new WriteFigures(database, api, timer, results).RunAsync(big, options.Requests));
await Part("analytics", () => analytics.RunAsync(big));
await Part("growth", () => new GrowthFigures(api, timer, results, analytics).RunAsync(people));
await Part("throughput", () => new ThroughputFigures(api, options, results).RunAsync(big));
await Part("export", () => new ExportFigures(api, options, results).RunAsync(big));
await Part("import", async () =>
{
    var imports = new ImportFigures(database, api, options, results);
    var token = await imports.FreshPersonAsync();
    await imports.Import100kAsync(token);
    var ours = await imports.ImportAsync(token, options.ActualRows, $"CSV import of {options.ActualRows:N0} lines (as Actual's)", null);
    await new ActualComparison(options, results).RunAsync(ours);
});
await Part("web", () => new WebFigures(options, results).RunAsync(big));

if (ProcessMemory.PeakMb(options.ApiPid) is { } apiPeak) results.Add("memory.api_peak_mb", "Api peak resident memory (VmHWM)", apiPeak, "MB");
if (ProcessMemory.ResidentMb(options.ApiPid) is { } apiNow) results.Add(null, "Api resident memory after the run (the target, ≤ 300 MB, is of this figure)", apiNow, "MB");
if (ProcessMemory.PeakMb(options.WebPid) is { } webPeak) results.Add("memory.web_peak_mb", "Web peak resident memory (VmHWM)", webPeak, "MB");
var bytes = await database.ScalarAsync<long>(
    "SELECT SUM(data_length + index_length) FROM information_schema.tables WHERE table_schema = DATABASE()");
results.Add(null, "database size (data + indexes, information_schema)", bytes / 1048576.0, "MB");

await results.WriteAsync(started, [
    $"Machine load (1-minute average) {loadAtStart} at the start and {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at the end, on {Environment.ProcessorCount} cores: other work ran beside the benchmark.",
    "The list's category filter is a top-level category with its 4 subcategories (rows and split parts), as the Api's `categoryId` matches them.",
    "List pages are asked as the Web pages (`totals=false`); the count and totals of each filter are asked once from `/api/transactions/totals` (figures after them).",
    $"Api figures measured at the Api process's own address ({options.ApiUrl.Authority}); the AppHost's {options.ProxyUrl?.Authority} is its development proxy in front of it (one figure through it above).",
    $"The Api and Web ran Release builds in the {Environment.GetEnvironmentVariable("BENCH_APP_ENVIRONMENT") ?? "Development"} environment.",
    $"Seed version {Seeder.Version}; data reused from .local/bench across runs.",
]);
