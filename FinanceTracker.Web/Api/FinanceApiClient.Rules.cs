namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    // Import rules ("payee contains X → category Y"), in the order the Api applies them.
    public Task<IReadOnlyList<ImportRuleResponse>> GetImportRulesAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<ImportRuleResponse>>(new(HttpMethod.Get, "api/import-rules"), ct);

    public Task<ImportRuleResponse> CreateImportRuleAsync(ImportRuleRequest rule, CancellationToken ct = default) =>
        SendAsync<ImportRuleResponse>(Json(HttpMethod.Post, "api/import-rules", rule), ct);

    public Task<ImportRuleResponse> UpdateImportRuleAsync(long id, ImportRuleRequest rule, CancellationToken ct = default) =>
        SendAsync<ImportRuleResponse>(Json(HttpMethod.Put, $"api/import-rules/{id}", rule), ct);

    public Task DeleteImportRuleAsync(long id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/import-rules/{id}"), ct);
}
