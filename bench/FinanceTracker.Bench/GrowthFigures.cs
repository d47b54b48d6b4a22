namespace FinanceTracker.Bench;

/// <summary>The growth curve: first page, q search and cold all-time analytics for ledgers of 10,000, 100,000 and the big size.</summary>
internal sealed class GrowthFigures(BenchApi api, RequestTimer timer, Results results, AnalyticsFigures analytics)
{
    public async Task RunAsync(IReadOnlyList<Person> people)
    {
        var firstPages = new Dictionary<int, Latency>();
        foreach (var person in people.OrderBy(p => p.Rows))
        {
            var firstPage = await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, "/api/transactions?pageSize=50&totals=false", person.Auth));
            firstPages[person.Rows] = firstPage;
            results.Add(null, $"growth: first page at {person.Rows:N0} rows", firstPage);
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
