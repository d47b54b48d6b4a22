using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

/// <summary>The reports behind the insights for one period, fetched in parallel.</summary>
public sealed record InsightsData(SummaryReport Summary, CategoryReport Categories, MonthlyReport Monthly, TopPayeesReport Payees)
{
    /// <summary>Currencies with activity, the busiest first: charts show one at a time, never a sum across them.</summary>
    public IReadOnlyList<string> Currencies { get; } =
        Summary.Currencies.Where(c => c.TransactionCount > 0).OrderByDescending(c => c.TransactionCount).ThenBy(c => c.Currency)
            .Select(c => c.Currency).ToList();

    public static async Task<InsightsData> LoadAsync(FinanceApiClient api, AnalyticsQuery query)
    {
        var summary = api.GetSummaryAsync(query);
        var categories = api.GetSpendingByCategoryAsync(query);
        var monthly = api.GetMonthlyAsync(query);
        var payees = api.GetTopPayeesAsync(query);
        return new InsightsData(await summary, await categories, await monthly, await payees);
    }

    public CurrencySummary? SummaryOf(string currency) => Summary.Currencies.FirstOrDefault(c => c.Currency == currency);

    public CurrencyCategories? CategoriesOf(string currency) => Categories.Currencies.FirstOrDefault(c => c.Currency == currency);

    public CurrencyMonths? MonthsOf(string currency) => Monthly.Currencies.FirstOrDefault(c => c.Currency == currency);

    public CurrencyPayees? PayeesOf(string currency) => Payees.Currencies.FirstOrDefault(c => c.Currency == currency);
}
