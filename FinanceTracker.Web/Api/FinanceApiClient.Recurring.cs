namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    public Task<IReadOnlyList<RecurringRule>> GetRecurringRulesAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<RecurringRule>>(new(HttpMethod.Get, "api/recurring"), ct);

    public Task<RecurringRule> CreateRecurringRuleAsync(RecurringRuleRequest rule, CancellationToken ct = default) =>
        SendAsync<RecurringRule>(Json(HttpMethod.Post, "api/recurring", rule), ct);

    public Task<RecurringRule> UpdateRecurringRuleAsync(long id, RecurringRuleRequest rule, CancellationToken ct = default) =>
        SendAsync<RecurringRule>(Json(HttpMethod.Put, $"api/recurring/{id}", rule), ct);

    public Task DeleteRecurringRuleAsync(long id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/recurring/{id}"), ct);

    public Task<IReadOnlyList<UpcomingOccurrence>> GetUpcomingAsync(int days = 30, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<UpcomingOccurrence>>(new(HttpMethod.Get, $"api/recurring/upcoming?days={days}"), ct);

    public Task<IReadOnlyList<RecurringSuggestion>> GetRecurringSuggestionsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<RecurringSuggestion>>(new(HttpMethod.Get, "api/recurring/suggestions"), ct);
}
