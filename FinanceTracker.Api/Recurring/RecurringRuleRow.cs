namespace FinanceTracker.Api.Recurring;

/// <summary>A stored rule as Dapper reads it (with its account's currency and how often it was posted).</summary>
internal sealed record RecurringRuleRow(
    long Id, long UserId, long AccountId, long? CategoryId, decimal Amount, string Currency, string Payee, string Notes,
    string Frequency, int IntervalCount, int? DayOfMonth, DateTime StartDate, DateTime? EndDate, int? MaxCount,
    DateTime EffectiveFrom, DateTime? NextDate, int Revision, long PostedCount, DateTime CreatedAt, DateTime UpdatedAt)
{
    public RecurringTerms Terms => new(
        AccountId, CategoryId, Amount, Payee, Notes, Enum.Parse<RecurringFrequency>(Frequency, ignoreCase: true), IntervalCount,
        DayOfMonth is { } day ? Recurring.DayOfMonth.FromStored(day) : null,
        DateOnly.FromDateTime(StartDate), EndDate is { } end ? DateOnly.FromDateTime(end) : null, MaxCount);

    public DateOnly? Next => NextDate is { } next ? DateOnly.FromDateTime(next) : null;

    public DateOnly Effective => DateOnly.FromDateTime(EffectiveFrom);

    public RecurringRuleResponse ToResponse()
    {
        var terms = Terms;
        return new(Id, AccountId, CategoryId, Money.Currencies.Normalize(Amount, Currency), Currency, Payee, Notes,
            terms.Frequency, terms.Interval, terms.DayOfMonth, terms.StartDate, terms.EndDate, terms.Count,
            Next, Effective, (int)PostedCount, DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc), DateTime.SpecifyKind(UpdatedAt, DateTimeKind.Utc));
    }
}
