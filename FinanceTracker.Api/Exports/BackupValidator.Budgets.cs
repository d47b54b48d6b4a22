using FinanceTracker.Api.Budgets;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Exports;

/// <summary>A backup's budget lines: the checks of <c>PUT /api/budgets/{month}</c>, line by line.</summary>
internal sealed partial class BackupValidator
{
    private readonly HashSet<(DateOnly Month, string Currency, long CategoryId)> budgetLines = [];
    private readonly Dictionary<(DateOnly Month, string Currency), int> budgetSizes = [];

    private void CheckBudgetLine(BackupBudgetLine line, string path)
    {
        var monthErrors = new Dictionary<string, string[]>();
        var month = BudgetRules.ReadMonth(line.Month ?? "", "month", monthErrors);
        if (month is null)
        {
            Error($"{path}.month", monthErrors["month"][0]);
        }
        var currencyKnown = Currencies.IsKnown(line.Currency);
        if (!currencyKnown)
        {
            Error($"{path}.currency", "Use an ISO 4217 currency code such as EUR, USD or JPY (upper case).");
        }
        if (line.CategoryId is not { } categoryId)
        {
            Error($"{path}.categoryId", "The category is missing.");
        }
        else if (!categoryKinds.TryGetValue(categoryId, out var kind))
        {
            Error($"{path}.categoryId", "The category must be one of this backup's categories.");
        }
        else if (kind != "expense")
        {
            Error($"{path}.categoryId", "Budgets are for expense categories; this is an income category.");
        }
        else if (month is { } m && currencyKnown)
        {
            var size = budgetSizes[(m, line.Currency!)] = budgetSizes.GetValueOrDefault((m, line.Currency!)) + 1;
            if (!budgetLines.Add((m, line.Currency!, categoryId)))
            {
                Error($"{path}.categoryId", "This category already has a line in this month's budget in this currency.");
            }
            else if (size > BudgetRules.MaxLines)
            {
                Error(path, $"A month's budget in one currency has at most {BudgetRules.MaxLines:N0} lines.");
            }
        }
        if (line.Amount is not { } amount)
        {
            Error($"{path}.amount", "The amount is missing.");
        }
        else if (amount < 0)
        {
            Error($"{path}.amount", "A budget amount cannot be negative.");
        }
        else if (amount > MoneyLimits.MaxAbsoluteAmount)
        {
            Error($"{path}.amount", $"A budget amount is at most {MoneyLimits.MaxAbsoluteAmount:N0}.");
        }
        else if (currencyKnown && Currencies.CheckDecimalPlaces(amount, line.Currency!) is { } tooPrecise)
        {
            Error($"{path}.amount", tooPrecise);
        }
    }
}
