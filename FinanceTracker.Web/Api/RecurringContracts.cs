using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceTracker.Web.Api;

// Mirrors of the Api's /api/recurring JSON.

public enum RecurringFrequency { Daily, Weekly, Monthly, Yearly }

/// <summary>A monthly or yearly rule's day: 1–31, or "last" (JSON: a number or the string "last").</summary>
[JsonConverter(typeof(RecurringDayJsonConverter))]
public readonly record struct RecurringDay(int Day, bool IsLast)
{
    public static RecurringDay Last { get; } = new(0, true);

    public static RecurringDay Of(int day) => new(day, false);

    public override string ToString() => IsLast ? "last" : Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RecurringDayJsonConverter : JsonConverter<RecurringDay>
{
    public override RecurringDay Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? RecurringDay.Of(reader.GetInt32()) : RecurringDay.Last;

    public override void Write(Utf8JsonWriter writer, RecurringDay value, JsonSerializerOptions options)
    {
        if (value.IsLast) writer.WriteStringValue("last");
        else writer.WriteNumberValue(value.Day);
    }
}

public sealed record RecurringRule(
    long Id, long AccountId, long? CategoryId, decimal Amount, string Currency, string Payee, string? Notes,
    RecurringFrequency Frequency, int Interval, RecurringDay? DayOfMonth, DateOnly StartDate, DateOnly? EndDate, int? Count,
    DateOnly? NextDate, DateOnly EffectiveFrom, int PostedCount);

public sealed record RecurringRuleRequest(
    long AccountId, long? CategoryId, decimal Amount, string Payee, string? Notes, RecurringFrequency Frequency, int Interval,
    RecurringDay? DayOfMonth, DateOnly StartDate, DateOnly? EndDate, int? Count);

public sealed record UpcomingOccurrence(long RuleId, DateOnly Date, decimal Amount, string Currency, string Payee, long AccountId, long? CategoryId);

public sealed record RecurringSuggestion(
    string Payee, decimal Amount, string Currency, RecurringFrequency Frequency, int Interval, RecurringDay? DayOfMonth,
    DateOnly LastDate, DateOnly NextDate, int Occurrences, long AccountId, long? CategoryId);
