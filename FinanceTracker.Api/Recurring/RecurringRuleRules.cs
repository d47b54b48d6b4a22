using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Recurring;

/// <summary>The checks DataAnnotations cannot express; the account-dependent ones (ownership, decimals) come after.</summary>
internal static class RecurringRuleRules
{
    public const int MaxInterval = 366;

    /// <summary>Field errors, or the trimmed terms. Required fields were checked by DataAnnotations before this runs.</summary>
    public static (RecurringTerms? Terms, Dictionary<string, string[]> Errors) Normalize(RecurringRuleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        var amount = request.Amount!.Value;
        var frequency = request.Frequency!.Value;
        var start = request.StartDate!.Value;
        var interval = request.Interval ?? 1;
        var payee = request.Payee?.Trim() ?? "";

        if (amount == 0)
        {
            errors["amount"] = ["The amount must not be zero: negative for money out, positive for money in."];
        }
        else if (Math.Abs(amount) >= MoneyLimits.MaxAbsoluteAmount)
        {
            errors["amount"] = [$"The amount must be less than {MoneyLimits.MaxAbsoluteAmount:N0} in size."];
        }
        if (payee.Length == 0)
        {
            errors["payee"] = ["Give the payee, e.g. the landlord or NETFLIX."];
        }
        if (interval is < 1 or > MaxInterval)
        {
            errors["interval"] = [$"'interval' must be between 1 and {MaxInterval}."];
        }
        if (request.DayOfMonth is { } day)
        {
            if (frequency is not (RecurringFrequency.Monthly or RecurringFrequency.Yearly))
            {
                errors["dayOfMonth"] = ["'dayOfMonth' applies to monthly and yearly rules only."];
            }
            else if (!day.IsValid)
            {
                errors["dayOfMonth"] = ["'dayOfMonth' must be a day 1–31, or \"last\"."];
            }
        }
        if (!DateBounds.Contains(start))
        {
            errors["startDate"] = [DateBounds.DateOutOfRange("startDate")];
        }
        if (request.EndDate is { } end)
        {
            if (!DateBounds.Contains(end))
            {
                errors["endDate"] = [DateBounds.DateOutOfRange("endDate")];
            }
            else if (end < start)
            {
                errors["endDate"] = ["'endDate' must not be before 'startDate'."];
            }
        }
        if (request.Count is < 1)
        {
            errors["count"] = ["'count' must be 1 or more."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var terms = new RecurringTerms(request.AccountId!.Value, request.CategoryId, amount, payee, request.Notes?.Trim() ?? "",
            frequency, interval, request.DayOfMonth, start, request.EndDate, request.Count);
        if (terms.Schedule.FirstOnOrAfter(start) is null)
        {
            errors["endDate"] = ["The rule has no occurrence between 'startDate' and 'endDate'."];
            return (null, errors);
        }
        return (terms, errors);
    }
}
