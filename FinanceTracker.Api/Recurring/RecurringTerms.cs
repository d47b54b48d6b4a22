namespace FinanceTracker.Api.Recurring;

/// <summary>A rule's terms after its checks: what the store writes and the poster posts.</summary>
internal sealed record RecurringTerms(
    long AccountId, long? CategoryId, decimal Amount, string Payee, string Notes,
    RecurringFrequency Frequency, int Interval, DayOfMonth? DayOfMonth, DateOnly StartDate, DateOnly? EndDate, int? Count)
{
    public RecurrenceSchedule Schedule => new(Frequency, Interval, DayOfMonth, StartDate, EndDate, Count);
}
