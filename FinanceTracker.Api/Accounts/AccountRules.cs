using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FinanceTracker.Api.Accounts;

/// <summary>Checks that cross fields (currency and the amount's decimal places), after DataAnnotations.</summary>
internal static class AccountRules
{
    public static ValidationProblem? Check(string currency, decimal openingBalance)
    {
        if (!Currencies.IsKnown(currency))
        {
            return Problems.Invalid("currency", "Use an ISO 4217 currency code such as EUR, USD or JPY (upper case).");
        }
        if (Math.Abs(openingBalance) >= MoneyLimits.MaxAbsoluteAmount)
        {
            return Problems.Invalid("openingBalance", $"The opening balance must be less than {MoneyLimits.MaxAbsoluteAmount:N0} in size.");
        }
        if (Currencies.CheckDecimalPlaces(openingBalance, currency) is { } tooPrecise)
        {
            return Problems.Invalid("openingBalance", tooPrecise);
        }
        return null;
    }
}
