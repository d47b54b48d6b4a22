using System.Diagnostics;

namespace FinanceTracker.Bench;

/// <summary>A seeded person: their id, token (null for those who only fill the database) and ledger size.</summary>
internal sealed record Person(string Email, long UserId, string? Token, int Rows)
{
    public string Auth => Token ?? throw new InvalidOperationException($"{Email} has no token");
}

/// <summary>
/// Gives each person their ledger once (Seed/ledger.sql); later runs find it and reuse it. Emails carry
/// <see cref="Version"/>: a change of the data's shape bumps it, and people of other versions or sizes are deleted (with every row
/// of theirs, through the foreign keys) so the database holds only the current shape.
/// </summary>
internal sealed class Seeder(BenchDatabase database, BenchApi api, BenchOptions options)
{
    public const int Version = 2;
    private const string Domain = "bench.local";

    public static string LedgerEmail(int rows) => $"ledger-{rows}-v{Version}@{Domain}";

    private string OtherEmail(int i) => $"other-{i}-{options.OtherRows}-v{Version}@{Domain}";

    public async Task<IReadOnlyList<Person>> PrepareAsync()
    {
        // People of another version or size (a quick run's) go, with every row of theirs: the database holds this run's data only.
        var wanted = options.GrowthSizes.Select(LedgerEmail).Concat(Enumerable.Range(1, options.OtherPeople).Select(OtherEmail)).Append(ImportFigures.Email);
        await database.ExecuteAsync(
            $"DELETE FROM users WHERE email LIKE '%@{Domain}' AND email NOT IN ({string.Join(',', wanted.Select(e => $"'{e}'"))})");
        var people = new List<Person>();
        foreach (var rows in options.GrowthSizes)
        {
            var email = LedgerEmail(rows);
            var token = await api.TokenForAsync(email);
            people.Add(await SeedAsync(email, rows, token));
        }
        var template = people[0].UserId;
        for (var i = 1; i <= options.OtherPeople; i++)
        {
            var email = OtherEmail(i);
            // Cloned from a signed-up person (same password hash, own stamps): sign-up is rate limited, and they never sign in.
            await database.ExecuteAsync("""
                INSERT IGNORE INTO users (user_name, normalized_user_name, email, normalized_email, email_confirmed, password_hash, security_stamp, concurrency_stamp)
                SELECT @email, UPPER(@email), @email, UPPER(@email), email_confirmed, password_hash, UPPER(REPLACE(UUID(), '-', '')), UUID()
                FROM users WHERE id = @template
                """, ("@email", email), ("@template", template));
            await SeedAsync(email, options.OtherRows, null);
        }
        if (_seeded)
        {
            await database.ExecuteAsync("ANALYZE TABLE transactions, monthly_totals, transaction_tags, transaction_splits, transfers");
        }
        return people;
    }

    private bool _seeded;

    private async Task<Person> SeedAsync(string email, int rows, string? token)
    {
        var user = await database.ScalarAsync<long>("SELECT id FROM users WHERE email = @email", ("@email", email));
        var have = await database.ScalarAsync<long>("SELECT COUNT(*) FROM transactions WHERE user_id = @user", ("@user", user));
        if (have != rows)
        {
            if (have != 0)
            {
                throw new InvalidOperationException($"{email} has {have} rows, not {rows}: delete the user (or .local/bench) and run again");
            }
            var watch = Stopwatch.StartNew();
            Console.Error.WriteLine($"[bench] seeding {rows:N0} transactions for {email}");
            await database.RunScriptAsync("ledger.sql", $"SET @user = {user}, @rows = {rows};");
            _seeded = true;
            Console.Error.WriteLine($"[bench] seeded {email} in {watch.Elapsed.TotalSeconds:F0} s");
        }
        return new Person(email, user, token, rows);
    }
}
