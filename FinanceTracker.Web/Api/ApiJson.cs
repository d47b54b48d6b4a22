using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinanceTracker.Web.Api;

public static class ApiJson
{
    /// <summary>camelCase properties and lowercase enum strings, as the Api speaks.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
