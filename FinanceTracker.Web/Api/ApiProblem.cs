namespace FinanceTracker.Web.Api;

/// <summary>The RFC 7807 body the Api returns for every error.</summary>
internal sealed record ApiProblem(
    string? Title, int? Status, string? Detail, Dictionary<string, string[]>? Errors);
