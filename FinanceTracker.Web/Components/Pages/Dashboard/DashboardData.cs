using FinanceTracker.Web.Api;
using FinanceTracker.Web.Components.Shared;

namespace FinanceTracker.Web.Components.Pages.Dashboard;

/// <summary>Everything the dashboard shows, fetched in parallel.</summary>
public sealed record DashboardData(
    Lookups Lookups,
    IReadOnlyList<CurrencyAmount> Income,
    IReadOnlyList<CurrencyAmount> Spending,
    TransactionPage Recent)
{
    public static async Task<DashboardData> LoadAsync(FinanceApiClient api, DateOnly month)
    {
        var thisMonth = new TransactionQuery { From = month, To = month.AddMonths(1).AddDays(-1), PageSize = 1 };
        // The Api totals whatever the filter selects: money in is amount >= 0, money out amount <= 0.
        var income = api.GetTransactionsAsync(thisMonth with { MinAmount = 0 });
        var spending = api.GetTransactionsAsync(thisMonth with { MaxAmount = 0 });
        var recent = api.GetTransactionsAsync(new TransactionQuery { PageSize = 10 });
        var lookups = Lookups.LoadAsync(api);
        return new DashboardData(await lookups, (await income).Totals, (await spending).Totals, await recent);
    }
}
