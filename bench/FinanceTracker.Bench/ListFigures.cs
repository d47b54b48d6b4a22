namespace FinanceTracker.Bench;

/// <summary>The list (GET /api/transactions) of the big person: first page, deep cursor, every filter.</summary>
internal sealed class ListFigures(BenchDatabase database, BenchApi api, RequestTimer timer, Results results, BenchOptions options)
{
    public async Task RunAsync(Person person)
    {
        var account = await database.ScalarAsync<long>(
            "SELECT MIN(id) FROM accounts WHERE user_id = @user", ("@user", person.UserId));
        // A category with 4 subcategories that split parts use too: the filter matches the 5 categories' rows and parts.
        var category = await database.ScalarAsync<long>(
            "SELECT id FROM categories WHERE user_id = @user AND name = 'Food' AND parent_id IS NULL", ("@user", person.UserId));
        var cursor = await CursorAtDepthAsync(person, 10_000);

        // Pages as the Web asks them while paging: without the count and totals (totals=false), which it asks once per
        // filter from /api/transactions/totals (measured after them).
        var deep = $"/api/transactions?pageSize=50&totals=false&cursor={Uri.EscapeDataString(cursor)}";
        var pages = new[]
        {
            FirstPage, deep, $"/api/transactions?accountId={account}&totals=false", $"/api/transactions?categoryId={category}&totals=false",
            Range, Tag, Amount, Search,
        };
        // Figures of an Api that has run a while, not of its first seconds: measured in one run, the first page's p95 was
        // 17.0 ms as the run's first figure after 30 requests, 13.2 ms after 230 more, 5.8 ms later in the same run.
        var firstSeconds = await timer.WarmUpAsync(pages.Select(path => (Func<Task>)(() => api.SendAsync(HttpMethod.Get, path, person.Auth))).ToList());
        results.Add(null, $"first page (50) during the warm-up: the list's {pages.Length} pages in turn for {options.WarmUpSeconds} s after the Api started", firstSeconds);
        await Figure(person, "list.first_page", "first page (50)", FirstPage);
        await Figure(person, "list.deep_cursor", "page of 50, 10,000 rows deep by cursor", pages[1]);
        await Figure(person, "list.account", "one account (with running balances)", pages[2]);
        await Figure(person, "list.category", "one category with its 4 subcategories (rows and split parts)", pages[3]);
        await Figure(person, "list.range_partial", "date range with partial months", Range);
        await Figure(person, "list.tag", "tag", Tag);
        await Figure(person, "list.amount", "amount from -60 to -50", Amount);
        await Figure(person, "list.search", "text q=netflix (payee and notes)", Search);
        await Figure(person, null, "text q=invoice 12345 (notes, rare)", "/api/transactions?q=invoice%2012345&totals=false");
        await Figure(person, null, "first page with count and totals in the same answer (no totals=false)", "/api/transactions?pageSize=50");

        foreach (var (label, filter) in new[]
        {
            ("everything", ""), ("one account", $"accountId={account}"), ("one category", $"categoryId={category}"),
            ("date range with partial months", "from=2024-02-10&to=2025-06-20"), ("tag", "tag=holiday"),
            ("amount from -60 to -50", "minAmount=-60&maxAmount=-50"), ("text q=netflix", "q=netflix"),
        })
        {
            await Figure(person, null, $"count and totals, asked once per filter: {label}", $"/api/transactions/totals?{filter}");
        }
        await Figure(person, null, "accounts with balances", "/api/accounts");
    }

    private const string FirstPage = "/api/transactions?pageSize=50&totals=false";
    private const string Range = "/api/transactions?from=2024-02-10&to=2025-06-20&totals=false";
    private const string Tag = "/api/transactions?tag=holiday&totals=false";
    private const string Amount = "/api/transactions?minAmount=-60&maxAmount=-50&totals=false";
    private const string Search = "/api/transactions?q=netflix&totals=false";

    /// <summary>30 unmeasured requests first, so that each figure's own code paths (and connections) are warm too.</summary>
    private async Task Figure(Person person, string? key, string label, string path) =>
        results.Add(key, label, await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, path, person.Auth), warmup: 30));

    /// <summary>The cursor after <paramref name="depth"/> rows, reached by paging 500 at a time as a client would.</summary>
    private async Task<string> CursorAtDepthAsync(Person person, int depth)
    {
        string? cursor = null;
        for (var seen = 0; seen < depth; seen += 500)
        {
            var page = await api.GetAsync("/api/transactions?pageSize=500" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"), person.Auth);
            cursor = page.GetProperty("nextCursor").GetString() ?? throw new InvalidOperationException("the ledger is shorter than the depth");
        }
        return cursor!;
    }
}
