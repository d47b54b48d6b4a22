using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Recurring;

/// <summary>The body of <c>POST /api/recurring</c> and <c>PUT /api/recurring/{id}</c>; checked by <see cref="RecurringRuleRules"/>.</summary>
public sealed record RecurringRuleRequest(
    [Required] long? AccountId,
    long? CategoryId,
    [Required] decimal? Amount,
    [StringLength(200)] string? Payee,
    [StringLength(2000)] string? Notes,
    [Required] RecurringFrequency? Frequency,
    int? Interval,
    DayOfMonth? DayOfMonth,
    [Required] DateOnly? StartDate,
    DateOnly? EndDate,
    int? Count);

/// <param name="NextDate">The next occurrence not posted yet (today or earlier while it waits to be posted); null once the series has ended.</param>
/// <param name="EffectiveFrom">The first date the current terms apply to: the start, or the day after the last edit.</param>
/// <param name="PostedCount">How many occurrences have been posted as transactions.</param>
public sealed record RecurringRuleResponse(
    long Id, long AccountId, long? CategoryId, decimal Amount, string Currency, string Payee, string Notes,
    RecurringFrequency Frequency, int Interval, DayOfMonth? DayOfMonth, DateOnly StartDate, DateOnly? EndDate, int? Count,
    DateOnly? NextDate, DateOnly EffectiveFrom, int PostedCount, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>One future occurrence, as <c>GET /api/recurring/upcoming</c> lists them.</summary>
public sealed record UpcomingOccurrence(
    long RuleId, DateOnly Date, decimal Amount, string Currency, string Payee, long AccountId, long? CategoryId);

/// <summary>A payment found repeating in the person's history that no rule covers yet: "you pay NETFLIX every month, 15.99".</summary>
public sealed record RecurringSuggestion(
    string Payee, decimal Amount, string Currency, RecurringFrequency Frequency, int Interval, DayOfMonth? DayOfMonth,
    DateOnly LastDate, DateOnly NextDate, int Occurrences, long AccountId, long? CategoryId);
