using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>
/// The transactions page's place as its URL query: the filters plus <c>after</c>, the cursors of the pages paged through
/// (so Previous still works after a reload). Values that do not parse are ignored, as if the filter were not set.
/// </summary>
public static class TransactionFilterUrl
{
    public const string Path = "/transactions";

    public static string Build(NavigationManager navigation, TransactionFilter filter, IReadOnlyList<string> after) =>
        navigation.GetUriWithQueryParameters(Path, new Dictionary<string, object?>
        {
            // Formatted here: the dictionary overload writes dates and numbers in a form that does not read back.
            ["q"] = string.IsNullOrWhiteSpace(filter.Q) ? null : filter.Q,
            ["tag"] = filter.Tag,
            ["accountId"] = Text(filter.AccountId),
            ["categoryId"] = Text(filter.CategoryId),
            ["from"] = filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["min"] = Text(filter.MinAmount),
            ["max"] = Text(filter.MaxAmount),
            ["importId"] = Text(filter.ImportId),
            ["after"] = after.Count == 0 ? null : after.ToArray(),
        });

    private static string? Text<T>(T? value) where T : struct, IFormattable => value?.ToString(null, CultureInfo.InvariantCulture);

    public static TransactionFilter Parse(
        string? q, string? accountId, string? categoryId, string? from, string? to, string? tag, string? min, string? max, string? importId) => new()
    {
        Q = string.IsNullOrWhiteSpace(q) ? null : q,
        AccountId = Id(accountId),
        CategoryId = Id(categoryId),
        From = Date(from),
        To = Date(to),
        Tag = string.IsNullOrWhiteSpace(tag) ? null : tag,
        MinAmount = Amount(min),
        MaxAmount = Amount(max),
        ImportId = Id(importId),
    };

    private static long? Id(string? value) => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static decimal? Amount(string? value) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
}
