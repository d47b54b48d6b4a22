using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Ledger;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Transactions;

/// <summary>The rules DataAnnotations cannot express: tags, date range, magnitude, the currency's decimals.</summary>
internal static class TransactionRules
{
    public const int MaxTagLength = 50;

    /// <summary>
    /// Field errors for the parts that don't depend on the account; the normalized input otherwise.
    /// Required fields are already checked by DataAnnotations when this runs.
    /// </summary>
    public static (TransactionInput? Input, Dictionary<string, string[]> Errors) Normalize(ITransactionFields request)
    {
        var (date, amount) = (request.Date!.Value, request.Amount!.Value);
        var errors = new Dictionary<string, string[]>();
        if (!DateBounds.Contains(date))
        {
            errors["date"] = [DateBounds.DateOutOfRange("date")];
        }
        if (Math.Abs(amount) >= MoneyLimits.MaxAbsoluteAmount)
        {
            errors["amount"] = [$"The amount must be less than {MoneyLimits.MaxAbsoluteAmount:N0} in size."];
        }

        var cleanTags = new List<string>();
        foreach (var tag in request.Tags ?? [])
        {
            var trimmed = tag?.Trim() ?? "";
            if (trimmed.Length is 0 or > MaxTagLength)
            {
                errors["tags"] = [$"Each tag must have 1 to {MaxTagLength} characters."];
                break;
            }
            // Spellings of one tag (case, accents, width) are merged by the tags column itself, see TransactionWrites.
            cleanTags.Add(trimmed);
        }

        var splits = SplitRules.Normalize(request.Splits, amount, request.CategoryId, errors);

        return errors.Count > 0
            ? (null, errors)
            : (new TransactionInput(request.AccountId!.Value, request.CategoryId, date, amount,
                request.Payee?.Trim() ?? "", request.Notes?.Trim() ?? "", cleanTags, splits), errors);
    }
}
