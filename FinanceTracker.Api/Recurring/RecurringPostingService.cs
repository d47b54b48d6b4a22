using System.Diagnostics;
using FinanceTracker.Api.Infrastructure;
using Microsoft.Extensions.Options;
using MySqlConnector;
using OpenTelemetry;

namespace FinanceTracker.Api.Recurring;

/// <summary>
/// Posts due occurrences of every person's rules right after the Api starts, then every <see cref="RecurringOptions.PostingInterval"/>.
/// Safe with any number of replicas: each occurrence is claimed under a unique key (see <see cref="RecurringPoster"/>).
/// </summary>
internal sealed partial class RecurringPostingService(
    MySqlDataSource dataSource, RecurringPoster poster, IOptions<RecurringOptions> options, ILogger<RecurringPostingService> logger) : BackgroundService
{
    private const int BatchSize = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Each pass is a trace of its own, never a child of whatever was current when the host started.
        Activity.Current = null;
        await PostAllDueAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PostingInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PostAllDueAsync(stoppingToken);
        }
    }

    /// <summary>One pass: a silent look for due rules, then, only when there are some, a traced run over them.</summary>
    private async Task PostAllDueAsync(CancellationToken stoppingToken)
    {
        Activity? activity = null;
        try
        {
            var today = poster.Today;
            var seen = new HashSet<long>();
            var posted = 0;
            IReadOnlyList<(long UserId, long Id)> due;
            do
            {
                due = await DueAsync(today, stoppingToken);
                var fresh = due.Where(rule => seen.Add(rule.Id)).ToList();
                if (fresh.Count == 0)
                {
                    break;
                }
                activity ??= ApiActivities.Source.StartActivity("Post recurring transactions");
                foreach (var (userId, ruleId) in fresh)
                {
                    posted += await PostRuleAsync(userId, ruleId, today, stoppingToken);
                }
            }
            while (due.Count == BatchSize);
            activity?.SetTag("financetracker.recurring.posted", posted);
        }
        catch (Exception ex) when (ex is MySqlException || (ex is OperationCanceledException && !stoppingToken.IsCancellationRequested))
        {
            // The database is down: what is due stays due for the next pass.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            LogPassFailed(ex.Message);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private async Task<int> PostRuleAsync(long userId, long ruleId, DateOnly today, CancellationToken stoppingToken)
    {
        try
        {
            return await poster.PostDueAsync(userId, ruleId, today, stoppingToken);
        }
        catch (MySqlException ex) when (ex.ErrorCode is MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout)
        {
            // Lost a lock race with a person's own write: the rest stays due for the next pass.
            LogRuleDeferred(ruleId, ex.Message);
            return 0;
        }
    }

    /// <summary>Asked with instrumentation suppressed: an idle poll every minute would otherwise be a root trace each time.</summary>
    private async Task<IReadOnlyList<(long UserId, long Id)>> DueAsync(DateOnly today, CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await RecurringStore.DueAsync(connection, today, BatchSize, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Posting recurring transactions failed, retrying on the next pass: {Reason}")]
    private partial void LogPassFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recurring rule {RuleId} deferred to the next pass: {Reason}")]
    private partial void LogRuleDeferred(long ruleId, string reason);
}
