using System.Globalization;
using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Budgets;

/// <summary>The checks of a month and a budget that need no database; each error names its field the way the client sent it.</summary>
internal static class BudgetRules
{
    public const int MaxLines = 1000;

    /// <summary>The first day of a <c>yyyy-MM</c> month, or null with the error under <paramref name="field"/>.</summary>
    public static DateOnly? ReadMonth(string raw, string field, Dictionary<string, string[]> errors)
    {
        if (!DateOnly.TryParseExact(raw + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || raw.Length != 7)
        {
            errors[field] = [$"'{field}' must be a month like 2026-03."];
            return null;
        }
        if (!DateBounds.Contains(month))
        {
            errors[field] = [DateBounds.MonthOutOfRange(field)];
            return null;
        }
        return month;
    }

    /// <summary>The currency code upper-cased, or null with the error under <c>currency</c>.</summary>
    public static string? ReadCurrency(string? raw, Dictionary<string, string[]> errors)
    {
        var code = raw?.Trim().ToUpperInvariant();
        if (Currencies.IsKnown(code))
        {
            return code;
        }
        errors["currency"] = [string.IsNullOrWhiteSpace(raw) ? "The currency is required." : $"'{raw}' is not a known ISO 4217 currency code."];
        return null;
    }

    public static void CheckLines(IReadOnlyList<BudgetLineRequest?> lines, string currency, Dictionary<string, string[]> errors)
    {
        if (lines.Count > MaxLines)
        {
            errors["lines"] = [$"A budget has at most {MaxLines:N0} lines."];
            return;
        }
        var seen = new HashSet<long>();
        for (var i = 0; i < lines.Count; i++)
        {
            var prefix = $"lines[{i}]";
            if (lines[i] is not { } line)
            {
                errors[prefix] = ["A line needs a categoryId and an amount."];
                continue;
            }
            if (line.CategoryId is not { } categoryId)
            {
                errors[$"{prefix}.categoryId"] = ["The category is required."];
            }
            else if (!seen.Add(categoryId))
            {
                errors[$"{prefix}.categoryId"] = ["This category already has a line in this budget."];
            }
            if (CheckAmount(line.Amount, currency) is { } amountError)
            {
                errors[$"{prefix}.amount"] = [amountError];
            }
        }
    }

    private static string? CheckAmount(decimal? amount, string currency) => amount switch
    {
        null => "The amount is required.",
        < 0 => "A budget amount cannot be negative.",
        > MoneyLimits.MaxAbsoluteAmount => $"A budget amount is at most {MoneyLimits.MaxAbsoluteAmount:N0}.",
        { } value => Currencies.CheckDecimalPlaces(value, currency),
    };
}
