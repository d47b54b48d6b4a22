using FinanceTracker.Api.Analytics;
using FinanceTracker.Api.Transactions;
using MySqlConnector;

namespace FinanceTracker.Api.Recurring;

/// <summary>
/// Posts a rule's due occurrences (dated today or earlier, "today" being the UTC date), oldest first, each in one
/// database transaction of its own: lock the account (as every ledger write does), lock the rule, claim the occurrence
/// in <c>recurring_postings</c> (its primary key refuses a second claim from any replica), insert the transaction
/// through the ledger's write path (balance and monthly totals move with it), advance the rule. Used by the
/// background service and, before an edit, by <c>PUT /api/recurring/{id}</c>.
/// </summary>
internal sealed partial class RecurringPoster(MySqlDataSource dataSource, TimeProvider time, ILogger<RecurringPoster> logger)
{
    private enum Step { Posted, PostedElsewhere, Retry, Done }

    /// <summary>The UTC date: occurrences dated on or before it are due.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Posts every occurrence of the caller's rule due by <paramref name="today"/>; returns how many this call posted.</summary>
    public async Task<int> PostDueAsync(long userId, long ruleId, DateOnly today, CancellationToken cancellationToken)
    {
        var posted = 0;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            Step step;
            while ((step = await PostNextAsync(connection, userId, ruleId, today, cancellationToken)) != Step.Done)
            {
                posted += step == Step.Posted ? 1 : 0;
            }
        }
        if (posted > 0)
        {
            await AnalyticsCache.InvalidateAsync(dataSource, userId);
            LogPosted(posted, ruleId);
        }
        return posted;
    }

    private static async Task<Step> PostNextAsync(MySqlConnection connection, long userId, long ruleId, DateOnly today, CancellationToken cancellationToken)
    {
        var peek = await RecurringStore.FindAsync(connection, null, userId, ruleId);
        if (peek?.Next is not { } due || due > today)
        {
            return Step.Done;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var currencies = await TransactionWrites.LockAccountsAsync(connection, transaction, userId, peek.AccountId);
        var rule = await RecurringStore.FindAsync(connection, transaction, userId, ruleId, forUpdate: true);
        if (rule is null || !currencies.TryGetValue(rule.AccountId, out var currency))
        {
            // Deleted (done), or moved to another account since the peek (lock that one on the next turn).
            return rule is null ? Step.Done : Step.Retry;
        }
        if (rule.Next is not { } date || date > today)
        {
            return Step.Done;
        }

        var terms = rule.Terms;
        var next = terms.Schedule.FirstOnOrAfter(date.AddDays(1));
        try
        {
            await RecurringStore.ClaimAsync(connection, transaction, userId, ruleId, date);
        }
        catch (MySqlException ex) when (ex.ErrorCode == MySqlErrorCode.DuplicateKeyEntry)
        {
            // Already posted (by another replica, or before an edit): nothing is written twice; move past it.
            await transaction.RollbackAsync(cancellationToken);
            await RecurringStore.SkipPostedAsync(connection, ruleId, rule.Revision, date, next);
            return Step.PostedElsewhere;
        }

        // A category deleted since the rule was saved leaves the posting uncategorised, as it left the rule.
        var categoryId = terms.CategoryId is { } category && await TransactionWrites.CategoryExistsAsync(connection, transaction, userId, category)
            ? terms.CategoryId : null;
        var input = new TransactionInput(terms.AccountId, categoryId, date, terms.Amount, terms.Payee, terms.Notes, [], []);
        var transactionId = await TransactionWrites.InsertAsync(connection, transaction, userId, input, currency);
        await RecurringStore.RecordPostedAsync(connection, transaction, userId, ruleId, date, transactionId, next);
        await transaction.CommitAsync(cancellationToken);
        return Step.Posted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted {Count} occurrences of recurring rule {RuleId}")]
    private partial void LogPosted(int count, long ruleId);
}
