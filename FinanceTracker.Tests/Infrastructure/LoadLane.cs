using System.Net;
using System.Net.Http.Json;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// One client loop of a <see cref="SteadyLoad"/>: reads and writes as one person, on rows only this lane writes (so no
/// two lanes conflict), remembering each write the Api acknowledged and each whose outcome it cannot know.
/// </summary>
public sealed class LoadLane(SteadyLoad load, LoadUser user, int number, int seed)
{
    public LoadUser User => user;

    /// <summary>A transaction as this lane last wrote it; Notes is unique per write attempt.</summary>
    public sealed record Planned(long AccountId, long? CategoryId, string Date, decimal Amount, string Payee, string Notes, List<string> Tags)
    {
        public bool Matches(Transaction row) => (row.AccountId, row.CategoryId, row.Date, row.Amount, row.Payee, row.Notes)
            == (AccountId, CategoryId, Date, Amount, Payee, Notes) && row.Tags.Order(StringComparer.Ordinal).SequenceEqual(Tags.Order(StringComparer.Ordinal));
    }

    private static readonly string[] Payees = ["Bakery", "Grocer", "Rail", "Cinema", "Pharmacy", "Books", "Salary", "Cafe"];
    private readonly Random random = new(seed);
    private int attempts;

    /// <summary>Rows whose last write was acknowledged: they must be found exactly so.</summary>
    public Dictionary<long, (Planned Row, int Version)> Acknowledged { get; } = [];

    /// <summary>Rows whose last write got no clear answer: found in one of these states (null: gone).</summary>
    public Dictionary<long, List<Planned?>> Uncertain { get; } = [];

    /// <summary>Creates that got no clear answer: each may or may not exist, but only exactly so.</summary>
    public List<Planned> UnacknowledgedCreates { get; } = [];

    /// <summary>Receipts the Api acknowledged, with their bytes.</summary>
    public Dictionary<long, (long TransactionId, byte[] Bytes)> Receipts { get; } = [];

    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await NextAsync();
            if (load.Options.Pause > TimeSpan.Zero)
            {
                await Task.Delay(load.Options.Pause, CancellationToken.None);
            }
        }
    }

    private Task NextAsync()
    {
        var roll = random.Next(100);
        if (load.Options.WritesOnly) roll = 40 + (roll * 60 / 100);
        return roll switch
        {
            _ when Acknowledged.Count < 3 => CreateAsync(),
            < 18 => SendAsync(LoadCall.List, HttpStatusCode.OK, (c, t) => c.GetAsync("/api/transactions?pageSize=50", t)),
            < 28 => SendAsync(LoadCall.Totals, HttpStatusCode.OK, (c, t) => c.GetAsync($"/api/transactions?{SteadyLoad.Range}&pageSize=1", t)),
            < 40 => SendAsync(LoadCall.Analytics, HttpStatusCode.OK, (c, t) => c.GetAsync(
                $"/api/analytics/{SteadyLoad.Reports[random.Next(SteadyLoad.Reports.Length)]}?{SteadyLoad.Range}", t)),
            < 65 => CreateAsync(),
            < 80 => UpdateAsync(),
            < 88 => DeleteAsync(),
            < 95 when load.Options.Receipts => UploadReceiptAsync(),
            < 100 when load.Options.Receipts && Receipts.Count > 0 => DownloadReceiptAsync(),
            _ => CreateAsync(),
        };
    }

    private Planned Plan()
    {
        var (accountId, categoryId) = (user.AccountIds[random.Next(user.AccountIds.Count)], user.CategoryIds[random.Next(user.CategoryIds.Count)]);
        var income = random.Next(8) == 0;
        var amount = (income ? 1 : -1) * random.Next(1, 25_000) / 100m;
        var date = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 120));
        var tags = new List<string> { "load", $"lane-{number}" };
        return new Planned(accountId, categoryId, $"{date:yyyy-MM-dd}", amount, Payees[random.Next(Payees.Length)],
            $"load {user.Index}.{number}.{++attempts}", tags);
    }

    private static object Body(Planned p, int? version = null) => new
    {
        accountId = p.AccountId, categoryId = p.CategoryId, date = p.Date, amount = p.Amount, payee = p.Payee, notes = p.Notes, tags = p.Tags, version,
    };

    private async Task CreateAsync()
    {
        var planned = Plan();
        var created = await SendAsync(LoadCall.Create, HttpStatusCode.Created, (c, t) => c.PostAsJsonAsync("/api/transactions", Body(planned), t),
            r => r.Content.ReadFromJsonAsync<Transaction>());
        if (created is not null) Acknowledged[created.Id] = (planned, created.Version);
        else UnacknowledgedCreates.Add(planned);
    }

    private async Task UpdateAsync()
    {
        if (Pick() is not { } id) return;
        var (old, version) = Acknowledged[id];
        var planned = Plan();
        var updated = await SendAsync(LoadCall.Update, HttpStatusCode.OK,
            (c, t) => c.PutAsJsonAsync($"/api/transactions/{id}", Body(planned, version), t), r => r.Content.ReadFromJsonAsync<Transaction>());
        if (updated is not null) Acknowledged[id] = (planned, updated.Version);
        else MakeUncertain(id, old, planned);
    }

    private async Task DeleteAsync()
    {
        if (Pick() is not { } id) return;
        var old = Acknowledged[id].Row;
        if (await SendAsync(LoadCall.Delete, HttpStatusCode.NoContent, (c, t) => c.DeleteAsync($"/api/transactions/{id}", t), _ => Task.FromResult<object?>(true)) is null)
        {
            MakeUncertain(id, old, null);
            return;
        }
        Acknowledged.Remove(id);
        foreach (var receipt in Receipts.Where(r => r.Value.TransactionId == id).Select(r => r.Key).ToList()) Receipts.Remove(receipt);
    }

    private async Task UploadReceiptAsync()
    {
        if (Pick() is not { } id) return;
        var bytes = random.Next(2) == 0 ? ReceiptSamples.Jpeg() : ReceiptSamples.Png();
        var receipt = await SendAsync(LoadCall.UploadReceipt, HttpStatusCode.Created, (c, t) => UploadAsync(c, id, bytes, t), r => r.Content.ReadFromJsonAsync<Receipt>());
        if (receipt is not null) Receipts[receipt.Id] = (id, bytes);
    }

    private async Task DownloadReceiptAsync()
    {
        var (receiptId, (_, bytes)) = Receipts.ElementAt(random.Next(Receipts.Count));
        var content = await SendAsync(LoadCall.DownloadReceipt, HttpStatusCode.OK,
            (c, t) => c.GetAsync($"/api/receipts/{receiptId}/content", t), async r => (byte[]?)await r.Content.ReadAsByteArrayAsync());
        if (content is not null && !content.AsSpan().SequenceEqual(bytes))
        {
            load.Counts.Record(load.Phase, LoadCall.DownloadReceipt, LoadOutcome.Unexpected, $"receipt {receiptId} came back with other bytes");
        }
    }

    private long? Pick() => Acknowledged.Count == 0 ? null : Acknowledged.Keys.ElementAt(random.Next(Acknowledged.Count));

    private void MakeUncertain(long id, Planned old, Planned? attempted)
    {
        Acknowledged.Remove(id);
        Uncertain[id] = [old, attempted];
        foreach (var receipt in Receipts.Where(r => r.Value.TransactionId == id).Select(r => r.Key).ToList()) Receipts.Remove(receipt);
    }

    private Task SendAsync(LoadCall call, HttpStatusCode expected, Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> send) =>
        SendAsync<object>(call, expected, send, _ => Task.FromResult<object?>(true));

    /// <summary>Sends, counts the outcome, and returns the read answer when it was the expected one (else null).</summary>
    private async Task<T?> SendAsync<T>(LoadCall call, HttpStatusCode expected, Func<HttpClient, CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, Task<T?>> read) where T : class
    {
        var phase = load.Phases.Sent();
        using var hang = new CancellationTokenSource(SteadyLoad.HangBound);
        var started = DateTime.UtcNow;
        try
        {
            using var response = await send(user.Client, hang.Token);
            var outcome = LoadCounts.Classify(response, expected);
            var answer = outcome == LoadOutcome.Ok ? await read(response) : null;
            var detail = outcome == LoadOutcome.Ok ? null
                : $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} after {(DateTime.UtcNow - started).TotalSeconds:0.0} s: " +
                  Truncate(await response.Content.ReadAsStringAsync(CancellationToken.None));
            load.Counts.Record(phase, call, outcome, detail);
            load.Slowest(DateTime.UtcNow - started);
            return answer;
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            load.Counts.Record(phase, call, LoadOutcome.Hang, $"no answer within {SteadyLoad.HangBound.TotalSeconds} s");
            return null;
        }
        catch (HttpRequestException ex)
        {
            load.Counts.Record(phase, call, LoadOutcome.NoAnswer, ex.Message);
            return null;
        }
        finally
        {
            load.Phases.Ended(phase);
        }
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, long transactionId, byte[] file, CancellationToken token) =>
        client.PostAsync($"/api/transactions/{transactionId}/receipts",
            new MultipartFormDataContent { { new ByteArrayContent(file), "file", "receipt" } }, token);

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
