using FinanceTracker.Api.Infrastructure;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Recurring;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// A backup's recurring rules: the checks of <c>POST /api/recurring</c>, plus where the posting stands, so that a restored
/// rule posts exactly the occurrences the original had not posted yet.
/// </summary>
internal sealed partial class BackupValidator
{
    private readonly Dictionary<long, string> recurringRuleIds = [];
    private readonly List<(string Path, long TransactionId)> postedTransactions = [];

    private void CheckRecurringRule(BackupRecurringRule rule, string path)
    {
        var before = errors.Count;
        UniqueId(rule.Id, path, recurringRuleIds, "");
        string? currency = null;
        if (rule.AccountId is not { } accountId || !accountCurrencies.TryGetValue(accountId, out currency))
        {
            Error($"{path}.accountId", "The account must be one of this backup's accounts.");
        }
        else if (rule.Currency is { } stated && stated != currency)
        {
            Error($"{path}.currency", $"The account's currency is {currency}.");
        }
        Reference(rule.CategoryId, categoryKinds, $"{path}.categoryId", "category");
        if (rule.Amount is not { } amount)
        {
            Error($"{path}.amount", "The amount is missing.");
        }
        else if (amount == 0)
        {
            Error($"{path}.amount", "The amount must not be zero: negative for money out, positive for money in.");
        }
        else if (currency is { Length: > 0 })
        {
            Amount(amount, currency, $"{path}.amount");
        }
        Text(rule.Payee, $"{path}.payee", 1, 200);
        Optional(rule.Notes, $"{path}.notes", 2000);
        var frequencyKnown = Enum.TryParse<RecurringFrequency>(rule.Frequency, ignoreCase: true, out var frequency) && !int.TryParse(rule.Frequency, out _);
        if (!frequencyKnown)
        {
            Error($"{path}.frequency", "The frequency must be daily, weekly, monthly or yearly.");
        }
        if (rule.Interval is < 1 or > RecurringRuleRules.MaxInterval)
        {
            Error($"{path}.interval", $"The interval must be between 1 and {RecurringRuleRules.MaxInterval}.");
        }
        if (rule.DayOfMonth is { } day && frequencyKnown && (frequency is not (RecurringFrequency.Monthly or RecurringFrequency.Yearly) || !day.IsValid))
        {
            Error($"{path}.dayOfMonth", "The day of month is 1–31 or \"last\", for monthly and yearly rules only.");
        }
        Date(rule.StartDate, $"{path}.startDate", required: true);
        if (Date(rule.EndDate, $"{path}.endDate", required: false) && rule.EndDate < rule.StartDate)
        {
            Error($"{path}.endDate", "The end date must not be before the start date.");
        }
        if (rule.Count is < 1)
        {
            Error($"{path}.count", "The count must be 1 or more.");
        }
        if (Date(rule.EffectiveFrom, $"{path}.effectiveFrom", required: false) && rule.EffectiveFrom < rule.StartDate)
        {
            Error($"{path}.effectiveFrom", "The terms cannot apply from before the start date.");
        }
        Date(rule.NextDate, $"{path}.nextDate", required: false);
        var posted = CheckPostings(rule.Postings ?? [], path);
        if (errors.Count == before && errors.Count < MaxErrors && frequencyKnown && rule.StartDate is not null)
        {
            CheckProgress(rule, path, new RecurrenceSchedule(frequency, rule.Interval ?? 1, rule.DayOfMonth, rule.StartDate!.Value, rule.EndDate, rule.Count), posted);
        }
    }

    /// <summary>The posted dates, each once; their transactions are checked once the transactions are known.</summary>
    private HashSet<DateOnly> CheckPostings(List<BackupPosting> postings, string path)
    {
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < postings.Count; i++)
        {
            var posting = $"{path}.postings[{i}]";
            if (postings[i] is not { } entry)
            {
                Error(posting, "The entry is null.");
                continue;
            }
            if (Date(entry.Date, $"{posting}.date", required: true) && !dates.Add(entry.Date!.Value))
            {
                Error($"{posting}.date", "This occurrence is listed twice.");
            }
            if (entry.TransactionId is { } transactionId)
            {
                postedTransactions.Add(($"{posting}.transactionId", transactionId));
            }
        }
        return dates;
    }

    /// <summary>
    /// The next date is an occurrence on or after the current terms' start, or null only when nothing is left to post; and
    /// what it would post at once when restored stays within what a new rule may catch up.
    /// </summary>
    private void CheckProgress(BackupRecurringRule rule, string path, RecurrenceSchedule schedule, HashSet<DateOnly> posted)
    {
        var effectiveFrom = rule.EffectiveFrom ?? rule.StartDate!.Value;
        if (schedule.FirstOnOrAfter(rule.StartDate!.Value) is null)
        {
            Error($"{path}.endDate", "The rule has no occurrence between the start date and the end date.");
        }
        else if (rule.NextDate is not { } next)
        {
            if (schedule.Occurrences().SkipWhile(d => d < effectiveFrom).Any(d => !posted.Contains(d)))
            {
                Error($"{path}.nextDate", "The rule still has occurrences to post: the next date is missing.");
            }
        }
        else if (next < effectiveFrom || schedule.FirstOnOrAfter(next) != next)
        {
            Error($"{path}.nextDate", "The next date must be one of the rule's occurrences, on or after effectiveFrom.");
        }
        else if (schedule.Between(next, today).Where(d => !posted.Contains(d)).Skip(RecurringApi.MaxCatchUp).Any())
        {
            Error($"{path}.nextDate", $"A restored rule can catch up at most {RecurringApi.MaxCatchUp:N0} past occurrences.");
        }
    }

    /// <summary>A posting's transaction is one of the backup's, and no transaction is two postings.</summary>
    private void CheckPostedTransactions()
    {
        var seen = new HashSet<long>();
        foreach (var (path, transactionId) in postedTransactions)
        {
            if (!transactionIds.Contains(transactionId))
            {
                Error(path, "The transaction must be one of this backup's transactions.");
            }
            else if (!seen.Add(transactionId))
            {
                Error(path, "Another posting has this transaction.");
            }
        }
    }

    private bool Date(DateOnly? date, string path, bool required)
    {
        if (date is not { } value)
        {
            if (required)
            {
                Error(path, "The date is missing.");
            }
            return false;
        }
        if (!DateBounds.Contains(value))
        {
            Error(path, DateBounds.DateOutOfRange(path[(path.LastIndexOf('.') + 1)..]));
            return false;
        }
        return true;
    }
}
