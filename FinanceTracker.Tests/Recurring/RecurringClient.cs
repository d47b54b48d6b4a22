using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Recurring;

// The Api's JSON as an outside client sees it.
public sealed record RecurringRule(
    long Id, long AccountId, long? CategoryId, decimal Amount, string Currency, string Payee, string Notes, string Frequency,
    int Interval, JsonElement? DayOfMonth, string StartDate, string? EndDate, int? Count, string? NextDate, string EffectiveFrom, int PostedCount);

public sealed record UpcomingOccurrence(long RuleId, string Date, decimal Amount, string Currency, string Payee, long AccountId, long? CategoryId);

public sealed record RecurringSuggestion(
    string Payee, decimal Amount, string Currency, string Frequency, int Interval, JsonElement? DayOfMonth,
    string LastDate, string NextDate, int Occurrences, long AccountId, long? CategoryId);

/// <summary>A transaction with the field these tests are about.</summary>
public sealed record PostedTransaction(long Id, long AccountId, string Date, decimal Amount, string Payee, string Notes, long? RecurringId);

public sealed record PostedPage(List<PostedTransaction> Items, string? NextCursor);

public static class RecurringClient
{
    /// <summary>Today as the poster sees it: the UTC date.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd");

    public static async Task<RecurringRule> CreateRuleAsync(this HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/recurring", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RecurringRule>())!;
    }

    public static async Task<RecurringRule> GetRuleAsync(this HttpClient client, long id) =>
        (await client.GetFromJsonAsync<RecurringRule>($"/api/recurring/{id}"))!;

    public static async Task<List<UpcomingOccurrence>> UpcomingAsync(this HttpClient client, int days = 30) =>
        (await client.GetFromJsonAsync<List<UpcomingOccurrence>>($"/api/recurring/upcoming?days={days}"))!;

    public static async Task<List<RecurringSuggestion>> SuggestionsAsync(this HttpClient client) =>
        (await client.GetFromJsonAsync<List<RecurringSuggestion>>("/api/recurring/suggestions"))!;

    /// <summary>Every transaction of the account (the tests stay under one page).</summary>
    public static async Task<List<PostedTransaction>> PostedAsync(this HttpClient client, long accountId)
    {
        var page = (await client.GetFromJsonAsync<PostedPage>($"/api/transactions?accountId={accountId}&pageSize=500"))!;
        Assert.Null(page.NextCursor);
        return page.Items;
    }

    /// <summary>Waits until the rule's posted transactions number <paramref name="expected"/> (the posters work in the background).</summary>
    public static async Task<List<PostedTransaction>> WaitForPostedAsync(this HttpClient client, long accountId, long ruleId, int expected)
    {
        List<PostedTransaction> rows = [];
        var reached = await Eventually.TrueAsync(async () =>
        {
            rows = (await client.PostedAsync(accountId)).Where(t => t.RecurringId == ruleId).ToList();
            return rows.Count >= expected;
        }, TimeSpan.FromSeconds(90));
        Assert.True(reached, $"Rule {ruleId}: {rows.Count} of {expected} occurrences posted.");
        return rows;
    }
}
