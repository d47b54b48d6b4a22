namespace FinanceTracker.Bench;

/// <summary>The growth curve: first page, q search and cold all-time analytics for ledgers of 10,000, 100,000 and the big size.</summary>
internal sealed class GrowthFigures(BenchApi api, RequestTimer timer, Results results, AnalyticsFigures analytics)
{
    public async Task RunAsync(IReadOnlyList<Person> people)
    {
        var sizes = people.OrderBy(p => p.Rows).ToList();
        // The first pages of every size in turn: their ratio is the figure, and one size after another once gave 1.61 where
        // the medians were 1.5 and 1.9 ms, the p95s 2.4 and 3.8 (a noisier minute for the bigger ledger).
        var pages = await timer.MeasureInTurnAsync(
            sizes.Select(person => (Func<Task>)(() => api.SendAsync(HttpMethod.Get, "/api/transactions?pageSize=50&totals=false", person.Auth))).ToList());
        var firstPages = sizes.Zip(pages).ToDictionary(p => p.First.Rows, p => p.Second);
        foreach (var person in sizes)
        {
            results.Add(null, $"growth: first page at {person.Rows:N0} rows (the sizes in turn)", firstPages[person.Rows]);
            results.Add(null, $"growth: q=netflix at {person.Rows:N0} rows",
                await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, "/api/transactions?q=netflix&totals=false", person.Auth)));
            results.Add(null, $"growth: cold all-time summary at {person.Rows:N0} rows", await analytics.ColdAllTimeAsync(person));
        }
        var smallest = firstPages.Keys.Min();
        var largest = firstPages.Keys.Max();
        if (largest > smallest)
        {
            results.Add("growth.first_page_1m_over_10k", $"growth: first page p95 at {largest:N0} ÷ at {smallest:N0}",
                firstPages[largest].P95Ms / firstPages[smallest].P95Ms, "ratio");
        }
    }
}
