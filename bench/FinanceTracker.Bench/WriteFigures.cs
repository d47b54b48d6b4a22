namespace FinanceTracker.Bench;

/// <summary>
/// GET /api/transactions/{id} over random rows of the big person, then create, update and delete as many new rows
/// (each write locks its account, moves the balance and the month's totals, and empties the analytics cache).
/// </summary>
internal sealed class WriteFigures(BenchDatabase database, BenchApi api, RequestTimer timer, Results results)
{
    public async Task RunAsync(Person person, int requests)
    {
        var first = await database.ScalarAsync<long>("SELECT MIN(id) FROM transactions WHERE user_id = @user", ("@user", person.UserId));
        var last = await database.ScalarAsync<long>("SELECT MAX(id) FROM transactions WHERE user_id = @user", ("@user", person.UserId));
        var random = new Random(14);
        results.Add("tx.get", "GET /api/transactions/{id}", await timer.MeasureAsync(
            _ => api.SendAsync(HttpMethod.Get, $"/api/transactions/{random.NextInt64(first, last + 1)}", person.Auth)));

        var account = await database.ScalarAsync<long>("SELECT MIN(id) FROM accounts WHERE user_id = @user", ("@user", person.UserId));
        var category = await database.ScalarAsync<long>("SELECT id FROM categories WHERE user_id = @user AND name = 'Food 2'", ("@user", person.UserId));
        var created = new List<long>();
        DateOnly Day(int i) => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-(Math.Abs(i) * 7 % 365));
        object Body(int i, decimal amount) => new
        {
            accountId = account, categoryId = category, date = Day(i), amount, payee = $"Bench shop {i % 50}", notes = "bench", tags = new[] { "bench" },
        };

        results.Add("tx.create", "POST /api/transactions", await timer.MeasureAsync(async i =>
        {
            var row = await api.JsonAsync(HttpMethod.Post, "/api/transactions", person.Auth, Body(i, -12.34m));
            created.Add(row.GetProperty("id").GetInt64());
        }, count: requests));
        results.Add("tx.update", "PUT /api/transactions/{id}", await timer.MeasureAsync(i =>
            api.SendAsync(HttpMethod.Put, $"/api/transactions/{created[i + 3]}", person.Auth,
                System.Net.Http.Json.JsonContent.Create(new
                {
                    accountId = account, categoryId = category, date = Day(i), amount = -23.45m, payee = "Bench shop", notes = "edited",
                    tags = new[] { "bench" }, version = 1,
                })), count: Math.Min(requests, created.Count - 3)));
        var deleted = new HashSet<long>();
        results.Add("tx.delete", "DELETE /api/transactions/{id}", await timer.MeasureAsync(async i =>
        {
            await api.SendAsync(HttpMethod.Delete, $"/api/transactions/{created[i + 3]}", person.Auth);
            deleted.Add(created[i + 3]);
        }, count: Math.Min(requests, created.Count - 3)));
        // Whatever the timing loops did not reach is deleted too, so the seeded ledger stays as it was.
        foreach (var id in created.Where(id => !deleted.Contains(id)))
        {
            await api.SendAsync(HttpMethod.Delete, $"/api/transactions/{id}", person.Auth);
        }
    }
}
