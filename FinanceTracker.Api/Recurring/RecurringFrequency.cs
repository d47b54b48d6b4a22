namespace FinanceTracker.Api.Recurring;

/// <summary>How often a rule repeats, "every interval" of these (JSON: daily, weekly, monthly, yearly).</summary>
public enum RecurringFrequency
{
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
