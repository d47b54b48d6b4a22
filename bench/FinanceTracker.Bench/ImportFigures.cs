using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace FinanceTracker.Bench;

/// <summary>
/// CSV import (upload and preview, then commit) of generated statements into a fresh person's fresh account, end to end
/// over HTTP: 100,000 lines, and the 10,000 that Actual's API gets too.
/// </summary>
internal sealed class ImportFigures(BenchDatabase database, BenchApi api, BenchOptions options, Results results)
{
    public static readonly string Email = $"import-v{Seeder.Version}@bench.local";

    /// <summary>
    /// The person that imports: deleted with their rows and made again, so each run imports into nothing. The server
    /// purges the deleted rows in the background for seconds after the DELETE returns (100,000 rows: about 5 s at a full
    /// core), so the import waits for that to end: it is the last run's cleanup, not part of an import.
    /// </summary>
    public async Task<string> FreshPersonAsync()
    {
        await database.ExecuteAsync("DELETE FROM users WHERE email = @email", ("@email", Email));
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60) && await database.ScalarAsync<long>(
                   "SELECT `count` FROM information_schema.INNODB_METRICS WHERE name = 'trx_rseg_history_len'") > 0)
        {
            await Task.Delay(200);
        }
        return await api.TokenForAsync(Email);
    }

    /// <summary>Seconds for preview + commit of <paramref name="rows"/> lines into a new account.</summary>
    public async Task<double> ImportAsync(string token, int rows, string label, string? key)
    {
        var account = await api.JsonAsync(HttpMethod.Post, "/api/accounts", token,
            new { name = $"Imported {rows}", type = "checking", currency = "EUR", openingBalance = 0 });
        var csv = StatementLine.Csv(StatementLine.Generate(rows));

        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", $"statement-{rows}.csv");
        form.Add(new StringContent(account.GetProperty("id").GetInt64().ToString()), "accountId");
        var preview = JsonDocument.Parse(await api.SendAsync(HttpMethod.Post, "/api/imports", token, form)).RootElement;
        var previewSeconds = watch.Elapsed.TotalSeconds;
        var commit = await api.JsonAsync(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetInt64()}/commit", token, new { });
        var seconds = watch.Elapsed.TotalSeconds;

        var added = commit.GetProperty("added").GetInt32();
        if (added != rows)
        {
            throw new InvalidOperationException($"the import of {rows} lines added {added}: {commit}");
        }
        results.Add(null, $"{label}: preview", previewSeconds, "s");
        results.Add(null, $"{label}: commit", seconds - previewSeconds, "s");
        results.Add(key, $"{label}: preview + commit", seconds, "s");
        return seconds;
    }

    public Task<double> Import100kAsync(string token) =>
        ImportAsync(token, options.ImportRows, $"CSV import of {options.ImportRows:N0} lines", options.ImportRows == 100_000 ? "import.csv_100k_seconds" : null);
}
