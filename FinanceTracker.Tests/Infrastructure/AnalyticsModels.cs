namespace FinanceTracker.Tests.Infrastructure;

// The analytics JSON as an outside client reads it.
public sealed record SummaryReport(List<CurrencySummary> Currencies);
public sealed record CurrencySummary(string Currency, decimal Income, decimal Spending, decimal Net, long TransactionCount, decimal AverageSpendingPerMonth, int AverageMonths = 1);
public sealed record CategoryReport(List<CurrencyCategories> Currencies);
public sealed record CurrencyCategories(string Currency, decimal TotalSpending, decimal TotalIncome, List<CategoryShare> Spending, List<CategoryShare> Income);
public sealed record CategoryShare(long? CategoryId, string Name, string? Color, decimal Amount, decimal SharePercent, List<CategoryAmount> Subcategories);
public sealed record CategoryAmount(long CategoryId, string Name, decimal Amount);
public sealed record MonthlyReport(List<CurrencyMonths> Currencies);
public sealed record CurrencyMonths(string Currency, List<MonthAmounts> Months);
public sealed record MonthAmounts(string Month, decimal Income, decimal Spending, decimal Net);
public sealed record TopPayeesReport(List<CurrencyPayees> Currencies);
public sealed record CurrencyPayees(string Currency, List<PayeeSpending> Payees);
public sealed record PayeeSpending(string Payee, decimal Spending, long TransactionCount);
public sealed record DailyReport(string Month, List<CurrencyDays> Currencies);
public sealed record CurrencyDays(string Currency, List<DaySpending> Days);
public sealed record DaySpending(string Date, decimal Spending);
