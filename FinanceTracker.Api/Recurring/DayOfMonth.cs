using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceTracker.Api.Recurring;

/// <summary>
/// The day a monthly or yearly rule falls on: 1–31 (a month without that day gets its last day instead), or "last",
/// always the month's last day. In JSON a number or the string "last"; in the database 1–31, or 0 for "last".
/// </summary>
[JsonConverter(typeof(DayOfMonthJsonConverter))]
public readonly record struct DayOfMonth(int Day, bool IsLast)
{
    public const int StoredLast = 0;

    public static DayOfMonth Last { get; } = new(0, true);

    public static DayOfMonth Of(int day) => new(day, false);

    public bool IsValid => IsLast || Day is >= 1 and <= 31;

    /// <summary>The day this falls on in the given month.</summary>
    public int In(int year, int month)
    {
        var days = DateTime.DaysInMonth(year, month);
        return IsLast ? days : Math.Min(Day, days);
    }

    public int ToStored() => IsLast ? StoredLast : Day;

    public static DayOfMonth FromStored(int stored) => stored == StoredLast ? Last : Of(stored);

    public override string ToString() => IsLast ? "last" : Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reads a number or "last"; anything else is a 400 naming the field (see BadRequestExceptionHandler).</summary>
public sealed class DayOfMonthJsonConverter : JsonConverter<DayOfMonth>
{
    public override DayOfMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number when reader.TryGetInt32(out var day) => DayOfMonth.Of(day),
        JsonTokenType.String when string.Equals(reader.GetString(), "last", StringComparison.OrdinalIgnoreCase) => DayOfMonth.Last,
        _ => throw new JsonException("dayOfMonth is a day 1–31 or \"last\"."),
    };

    public override void Write(Utf8JsonWriter writer, DayOfMonth value, JsonSerializerOptions options)
    {
        if (value.IsLast)
        {
            writer.WriteStringValue("last");
        }
        else
        {
            writer.WriteNumberValue(value.Day);
        }
    }
}
