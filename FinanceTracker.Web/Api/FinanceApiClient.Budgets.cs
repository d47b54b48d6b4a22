using System.Globalization;

namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    /// <summary>The month's budget against its spending; without a currency the Api uses the person's first account's.</summary>
    public Task<BudgetResponse> GetBudgetAsync(DateOnly month, string? currency = null, CancellationToken ct = default) =>
        SendAsync<BudgetResponse>(new(HttpMethod.Get, $"api/budgets/{MonthKey(month)}{CurrencyQuery(currency)}"), ct);

    /// <summary>Replaces the month's whole budget in the request's currency.</summary>
    public Task<BudgetResponse> SaveBudgetAsync(DateOnly month, BudgetRequest budget, CancellationToken ct = default) =>
        SendAsync<BudgetResponse>(Json(HttpMethod.Put, $"api/budgets/{MonthKey(month)}", budget), ct);

    /// <summary>Replaces <paramref name="target"/>'s lines with <paramref name="source"/>'s; 404 when the source has no budget.</summary>
    public Task<BudgetResponse> CopyBudgetAsync(DateOnly target, DateOnly source, string currency, CancellationToken ct = default) =>
        SendAsync<BudgetResponse>(new(HttpMethod.Post, $"api/budgets/{MonthKey(target)}/copy-from/{MonthKey(source)}{CurrencyQuery(currency)}"), ct);

    public static string MonthKey(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string CurrencyQuery(string? currency) =>
        currency is { Length: > 0 } ? "?currency=" + Uri.EscapeDataString(currency) : "";
}
