using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace FinanceTracker.Api.Money;

/// <summary>
/// The OpenAPI schema of decimals as the built-in converter would have described them: the document
/// generator leaves the type out for any custom converter, such as <see cref="ExactDecimalConverter"/>.
/// </summary>
internal static class DecimalSchema
{
    private const string JsonNumberPattern = @"^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$";

    public static Task DescribeAsNumber(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(decimal) || type == typeof(decimal?))
        {
            // Strings too: the web defaults read "12.50" as well as 12.50.
            schema.Type = JsonSchemaType.Number | JsonSchemaType.String | (type == typeof(decimal?) ? JsonSchemaType.Null : 0);
            schema.Pattern = JsonNumberPattern;
        }
        return Task.CompletedTask;
    }
}
