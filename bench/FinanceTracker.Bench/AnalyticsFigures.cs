namespace FinanceTracker.Bench;

/// <summary>
/// Analytics of the big person for the last 12 months (the Api's default) and all time, warm (cached) and cold: before
/// each cold request the person's analytics_version is bumped, as every write of theirs does, so the cache misses.
/// </summary>
internal sealed class AnalyticsFigures(BenchDatabase database, BenchApi api, RequestTimer timer, Results results)
{
    private static readonly string[] Reports = ["summary", "by-category", "monthly", "top-payees"];

    public async Task RunAsync(Person person)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var allTime = $"from={today.AddYears(-16):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        Task Bump(int _) => database.ExecuteAsync("UPDATE users SET analytics_version = analytics_version + 1 WHERE id = @user", ("@user", person.UserId));

        foreach (var report in Reports)
        {
            var name = report.Replace('-', '_');
            results.Add(name is "top_payees" ? null : $"analytics.{name}.warm", $"analytics {report}, 12 months, warm",
                await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, $"/api/analytics/{report}", person.Auth)));
            results.Add(null, $"analytics {report}, all time, warm",
                await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, $"/api/analytics/{report}?{allTime}", person.Auth)));
            results.Add(null, $"analytics {report}, 12 months, cold",
                await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, $"/api/analytics/{report}", person.Auth), Bump));
            results.Add(name is "summary" or "by_category" ? $"analytics.{name}.cold_all_time" : null, $"analytics {report}, all time, cold",
                await timer.MeasureAsync(_ => api.SendAsync(HttpMethod.Get, $"/api/analytics/{report}?{allTime}", person.Auth), Bump));
        }
    }

    /// <summary>One cold all-time summary (for the growth curve).</summary>
    public async Task<Latency> ColdAllTimeAsync(Person person)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await timer.MeasureAsync(
            _ => api.SendAsync(HttpMethod.Get, $"/api/analytics/summary?from={today.AddYears(-16):yyyy-MM-dd}&to={today:yyyy-MM-dd}", person.Auth),
            _ => database.ExecuteAsync("UPDATE users SET analytics_version = analytics_version + 1 WHERE id = @user", ("@user", person.UserId)));
    }
}
