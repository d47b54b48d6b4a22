namespace FinanceTracker.Api.Analytics;

// Every report is per currency: amounts in different currencies are never added together.
// Income and spending are magnitudes (both positive); net = income - spending.

public sealed record AnalyticsRange(DateOnly From, DateOnly To, long? AccountId);

public sealed record SummaryReport(AnalyticsRange Range, IReadOnlyList<CurrencySummary> Currencies);

/// <summary>
/// <see cref="AverageSpendingPerMonth"/> = spending ÷ <see cref="AverageMonths"/>, the months of the range that have begun
/// (up to this month) since the month of the currency's first transaction (in the account, when one is asked for).
/// </summary>
public sealed record CurrencySummary(
    string Currency, decimal Income, decimal Spending, decimal Net, long TransactionCount, decimal AverageSpendingPerMonth, int AverageMonths);

public sealed record CategoryReport(AnalyticsRange Range, IReadOnlyList<CurrencyCategories> Currencies);

public sealed record CurrencyCategories(
    string Currency, decimal TotalSpending, decimal TotalIncome,
    IReadOnlyList<CategoryShare> Spending, IReadOnlyList<CategoryShare> Income);

/// <summary>A top-level category with its subcategories rolled up into <see cref="Amount"/>; null id = uncategorised.</summary>
public sealed record CategoryShare(
    long? CategoryId, string Name, string? Color, decimal Amount, decimal SharePercent, IReadOnlyList<CategoryAmount> Subcategories);

public sealed record CategoryAmount(long CategoryId, string Name, decimal Amount);

public sealed record MonthlyReport(AnalyticsRange Range, IReadOnlyList<CurrencyMonths> Currencies);

public sealed record CurrencyMonths(string Currency, IReadOnlyList<MonthAmounts> Months);

public sealed record MonthAmounts(string Month, decimal Income, decimal Spending, decimal Net);

public sealed record TopPayeesReport(AnalyticsRange Range, IReadOnlyList<CurrencyPayees> Currencies);

public sealed record CurrencyPayees(string Currency, IReadOnlyList<PayeeSpending> Payees);

public sealed record PayeeSpending(string Payee, decimal Spending, long TransactionCount);

public sealed record DailyReport(string Month, long? AccountId, IReadOnlyList<CurrencyDays> Currencies);

public sealed record CurrencyDays(string Currency, IReadOnlyList<DaySpending> Days);

public sealed record DaySpending(DateOnly Date, decimal Spending);

/// <summary>Per tag and currency: the tagged transactions' count, money in, money out (positive) and net; transfers left out.</summary>
public sealed record TagsReport(AnalyticsRange Range, IReadOnlyList<CurrencyTags> Currencies);

public sealed record CurrencyTags(string Currency, IReadOnlyList<TagTotals> Tags);

public sealed record TagTotals(string Tag, long Count, decimal MoneyIn, decimal MoneyOut, decimal Net);
