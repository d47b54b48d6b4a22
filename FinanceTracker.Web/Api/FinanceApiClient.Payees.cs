using System.Globalization;

namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    /// <summary>Payees starting with <paramref name="prefix"/> (all when empty), most used first.</summary>
    public Task<IReadOnlyList<Payee>> GetPayeesAsync(string? prefix = null, int limit = 10, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Payee>>(new(HttpMethod.Get, "api/payees" + PrefixQuery(prefix, limit)), ct);

    public Task<MergePayeesResult> MergePayeesAsync(MergePayeesRequest request, CancellationToken ct = default) =>
        SendAsync<MergePayeesResult>(Json(HttpMethod.Post, "api/payees/merge", request), ct);

    /// <summary>Tags starting with <paramref name="prefix"/> (all when empty), most used first.</summary>
    public Task<IReadOnlyList<TagCount>> GetTagsAsync(string? prefix = null, int limit = 10, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<TagCount>>(new(HttpMethod.Get, "api/tags" + PrefixQuery(prefix, limit)), ct);

    public Task<TagsReport> GetTagsReportAsync(AnalyticsQuery query, CancellationToken ct = default) =>
        SendAsync<TagsReport>(new(HttpMethod.Get, "api/analytics/tags" + RangeQuery(query)), ct);

    private static string PrefixQuery(string? prefix, int limit) =>
        $"?limit={limit.ToString(CultureInfo.InvariantCulture)}" +
        (string.IsNullOrWhiteSpace(prefix) ? "" : "&q=" + Uri.EscapeDataString(prefix.Trim()));
}
