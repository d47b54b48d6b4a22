using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceTracker.Api.Money;

/// <summary>
/// Reads a JSON number into a decimal only when the decimal is that number exactly; the default reader
/// would store 1e-30 as 0.00. Numbers in strings ("12.50", allowed by the web defaults) get the same check.
/// </summary>
public sealed class ExactDecimalConverter : JsonConverter<decimal>
{
    private const NumberStyles JsonNumber = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.String when options.NumberHandling.HasFlag(JsonNumberHandling.AllowReadingFromString) => reader.GetString()!,
            // A JsonException without a message gets the serializer's usual "could not be converted" text and path.
            _ => throw new JsonException(),
        };
        if (!decimal.TryParse(text, JsonNumber, CultureInfo.InvariantCulture, out var value))
        {
            throw new JsonException();
        }
        // Past the largest amount, the magnitude check names the real problem better than rounding does.
        if (!ExactDecimal.Represents(text, value) && Math.Abs(value) < MoneyLimits.MaxAbsoluteAmount)
        {
            throw new ImpreciseNumberException();
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>A number with digits a decimal cannot hold; below the largest amount that means too many decimal places.</summary>
public sealed class ImpreciseNumberException() : JsonException("The number has more decimal places than any currency allows.");
