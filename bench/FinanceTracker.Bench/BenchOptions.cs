namespace FinanceTracker.Bench;

/// <summary>What scripts/bench hands over (environment variables), with the sizes as defaults.</summary>
internal sealed record BenchOptions
{
    public required Uri ApiUrl { get; init; }
    public required Uri WebUrl { get; init; }

    /// <summary>The AppHost's address of the Api (its proxy in front of the process), when it differs from <see cref="ApiUrl"/>.</summary>
    public Uri? ProxyUrl { get; init; }

    public required string MySqlConnectionString { get; init; }
    public required string ResultsDirectory { get; init; }
    public required string DataDirectory { get; init; }
    public int Rows { get; init; } = 1_000_000;
    public int OtherPeople { get; init; } = 20;
    public int OtherRows { get; init; } = 50_000;
    public int Requests { get; init; } = 200;
    public int ImportRows { get; init; } = 100_000;
    public int ActualRows { get; init; } = 10_000;
    public int ThroughputSeconds { get; init; } = 10;

    /// <summary>Actual's script is stopped after this long (its figures are then left out and the markdown says so).</summary>
    public int ActualSeconds { get; init; } = 900;

    /// <summary>A figure stops early after this long (the markdown says how many requests it got).</summary>
    public int FigureSeconds { get; init; } = 120;

    /// <summary>How long the list's requests are sent, unmeasured but for the first page, before the first figure.</summary>
    public int WarmUpSeconds { get; init; } = 20;

    public int? ApiPid { get; init; }
    public int? WebPid { get; init; }
    public string Chromium { get; init; } = "/usr/bin/chromium";
    public string? ActualModules { get; init; }

    /// <summary>The ledger sizes of the growth curve: 10,000, 100,000 and the big person's, as far as they fit under it.</summary>
    public IReadOnlyList<int> GrowthSizes => new[] { 10_000, 100_000, Rows }.Where(n => n <= Rows).Distinct().Order().ToList();

    public static BenchOptions FromEnvironment()
    {
        static string Need(string name) =>
            Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"{name} is not set (run scripts/bench).");
        static int Number(string name, int fallback) =>
            int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
        static int? Pid(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;

        return new BenchOptions
        {
            ApiUrl = new Uri(Need("BENCH_API_URL")),
            WebUrl = new Uri(Need("BENCH_WEB_URL")),
            ProxyUrl = Environment.GetEnvironmentVariable("BENCH_PROXY_URL") is { Length: > 0 } proxy ? new Uri(proxy) : null,
            MySqlConnectionString = Need("BENCH_MYSQL"),
            ResultsDirectory = Need("BENCH_RESULTS"),
            DataDirectory = Need("BENCH_DATA"),
            Rows = Number("BENCH_ROWS", 1_000_000),
            OtherPeople = Number("BENCH_OTHER_PEOPLE", 20),
            OtherRows = Number("BENCH_OTHER_ROWS", 50_000),
            Requests = Number("BENCH_REQUESTS", 200),
            ImportRows = Number("BENCH_IMPORT_ROWS", 100_000),
            ActualRows = Number("BENCH_ACTUAL_ROWS", 10_000),
            ThroughputSeconds = Number("BENCH_THROUGHPUT_SECONDS", 10),
            ActualSeconds = Number("BENCH_ACTUAL_SECONDS", 900),
            FigureSeconds = Number("BENCH_FIGURE_SECONDS", 120),
            WarmUpSeconds = Number("BENCH_WARMUP_SECONDS", 20),
            ApiPid = Pid("BENCH_API_PID"),
            WebPid = Pid("BENCH_WEB_PID"),
            Chromium = Environment.GetEnvironmentVariable("BENCH_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium",
            ActualModules = Environment.GetEnvironmentVariable("BENCH_ACTUAL_MODULES"),
        };
    }
}
