using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Transfers;

/// <summary>The checks of a new transfer: those before the accounts are read, then those that need their currencies.</summary>
internal static class TransferRules
{
    public static Dictionary<string, string[]> Check(CreateTransferRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.FromAccountId == request.ToAccountId)
        {
            errors["toAccountId"] = ["A transfer goes to another account than it comes from."];
        }
        if (!DateBounds.Contains(request.Date!.Value))
        {
            errors["date"] = [DateBounds.DateOutOfRange("date")];
        }
        CheckPositive(errors, "amount", request.Amount!.Value);
        if (request.ToAmount is { } toAmount)
        {
            CheckPositive(errors, "toAmount", toAmount);
        }
        return errors;
    }

    /// <summary>The amount that arrives, or the field and message that refuse the transfer.</summary>
    public static (decimal ToAmount, string? Field, string? Message) CheckCurrencies(CreateTransferRequest request, string fromCurrency, string toCurrency)
    {
        var amount = request.Amount!.Value;
        if (Currencies.CheckDecimalPlaces(amount, fromCurrency) is { } amountError)
        {
            return (0, "amount", amountError);
        }
        if (request.ToAmount is { } toAmount && Currencies.CheckDecimalPlaces(toAmount, toCurrency) is { } toAmountError)
        {
            return (0, "toAmount", toAmountError);
        }
        if (fromCurrency != toCurrency)
        {
            return request.ToAmount is { } received
                ? (received, null, null)
                : (0, "toAmount", $"The accounts are in {fromCurrency} and {toCurrency}: give toAmount, the amount in {toCurrency} that arrived.");
        }
        return request.ToAmount is null || request.ToAmount == amount
            ? (amount, null, null)
            : (0, "toAmount", "Between accounts of one currency the amount that arrives is the amount sent: leave toAmount out.");
    }

    private static void CheckPositive(Dictionary<string, string[]> errors, string field, decimal value)
    {
        if (value <= 0 || value >= MoneyLimits.MaxAbsoluteAmount)
        {
            errors[field] = [$"'{field}' must be more than 0 and less than {MoneyLimits.MaxAbsoluteAmount:N0}."];
        }
    }
}
