using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace FinanceTracker.Api.Infrastructure;

internal static class ValidationKeys
{
    /// <summary>
    /// The built-in validator keys errors by C# property name (Amount); clients send and read JSON
    /// names (amount), so every validation problem is re-keyed to camelCase before it is written.
    /// </summary>
    public static void UseJsonNames(ProblemDetailsContext context)
    {
        if (context.ProblemDetails is not HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            return;
        }
        var renamed = validation.Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            validation.Errors[key] = messages;
        }
    }
}
