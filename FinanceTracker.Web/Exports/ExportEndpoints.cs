using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Exports;

/// <summary>
/// Exports and backups are downloads: the browser holds only the Web's cookie and the Api is bearer-only, so these
/// endpoints stream the Api's answer through with the person's token, never holding an export in memory.
/// </summary>
internal static class ExportEndpoints
{
    /// <summary>The transaction list's filters that an export passes on to the Api.</summary>
    private static readonly string[] TransactionFilters =
        ["format", "accountId", "categoryId", "from", "to", "q", "minAmount", "maxAmount", "tag", "importId"];

    public static string TransactionsUrl(string format, TransactionQuery filter)
    {
        var query = TransactionQueryString.Build(filter with { PageSize = null, Cursor = null });
        return $"/exports/transactions?format={format}" + (query.Length > 0 ? "&" + query[1..] : "");
    }

    public static string BackupUrl(bool withReceipts) => withReceipts ? "/exports/backup?receipts=true" : "/exports/backup";

    public static IEndpointRouteBuilder MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/exports").RequireAuthorization();
        group.MapGet("/transactions", (HttpContext context, ExportProxy proxy) =>
            proxy.GetAsync("api/exports/transactions" + Forwarded(context.Request.Query, TransactionFilters), context.RequestAborted));
        group.MapGet("/backup", (HttpContext context, ExportProxy proxy) =>
            proxy.GetAsync("api/exports/backup" + Forwarded(context.Request.Query, ["receipts"]), context.RequestAborted));
        return endpoints;
    }

    /// <summary>An export of a million rows, a 50 MB upload or a big commit outlasts the typed client's 10-second attempts.</summary>
    public static IServiceCollection AddImportExportClients(this IServiceCollection services) => services
        .AddStreamingApiClient<ExportProxy>(TimeSpan.FromMinutes(10))
        .AddStreamingApiClient<ImportApiClient>(TimeSpan.FromMinutes(10));

    /// <summary>Only the named parameters go on to the Api, each escaped again.</summary>
    private static string Forwarded(IQueryCollection query, string[] names)
    {
        var parts = names
            .Where(query.ContainsKey)
            .SelectMany(name => query[name].Select(value => $"{name}={Uri.EscapeDataString(value ?? "")}"))
            .ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }
}
