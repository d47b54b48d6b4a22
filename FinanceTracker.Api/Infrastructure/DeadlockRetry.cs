using MySqlConnector;

namespace FinanceTracker.Api.Infrastructure;

public static class DeadlockRetry
{
    private const int MaxAttempts = 3;

    /// <summary>
    /// Runs a write again when MariaDB chose it as a deadlock victim: its DB transaction was rolled back
    /// whole, so a second run is safe, and the caller gets an answer instead of a 500.
    /// </summary>
    public static TBuilder RetriesDeadlocks<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await next(context);
                }
                catch (MySqlException ex) when (ex.ErrorCode is MySqlErrorCode.LockDeadlock && attempt < MaxAttempts)
                {
                    await Task.Delay(Random.Shared.Next(10, 50) * attempt, context.HttpContext.RequestAborted);
                }
            }
        });
}
