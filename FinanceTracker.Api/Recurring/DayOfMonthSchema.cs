using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FinanceTracker.Api.Recurring;

/// <summary>
/// The OpenAPI schema of <see cref="DayOfMonth"/>: its converter reads and writes a number or "last", which the
/// document generator cannot see (it leaves the type out for custom converters).
/// </summary>
internal static class DayOfMonthSchema
{
    public static Task Describe(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DayOfMonth) || type == typeof(DayOfMonth?))
        {
            schema.Type = JsonSchemaType.Integer | JsonSchemaType.String | (type == typeof(DayOfMonth?) ? JsonSchemaType.Null : 0);
            schema.Properties?.Clear();
            schema.Description = "A day of the month, 1 to 31 (a shorter month uses its last day), or \"last\".";
        }
        return Task.CompletedTask;
    }
}
