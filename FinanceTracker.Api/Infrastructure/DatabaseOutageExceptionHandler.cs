using System.Net.Sockets;
using MySqlConnector;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// MariaDB unreachable, shutting down, or lost mid-query: 503 problem details with Retry-After at once, never a 500.
/// The write that was running is rolled back by the server, so the client may simply try again; the next request
/// after the database returns opens a fresh connection (no restart of the Api).
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problemDetails, ILogger<DatabaseOutageExceptionHandler> logger)
    : OutageExceptionHandler(problemDetails, logger)
{
    // Client-side codes MySqlConnector uses for a dropped connection (CR_SERVER_GONE_ERROR, CR_SERVER_LOST) and the
    // server's own "connection was killed" (ER_CONNECTION_KILLED) sent to every session as it shuts down.
    private static readonly HashSet<int> LostConnectionNumbers = [2006, 2013, 1927];

    protected override string Title => "The database is unavailable";

    protected override string Detail =>
        "The database could not be reached. Try again in a moment; if this was a change, check first whether it was saved.";

    protected override int RetryAfterSeconds => 5;

    protected override bool IsOutage(Exception exception) => IsDatabaseOutage(exception);

    /// <summary>What MySqlConnector throws when the server cannot be reached or went away; SQL errors stay unexpected.</summary>
    private static bool IsDatabaseOutage(Exception exception) => exception switch
    {
        MySqlException mySql => mySql.ErrorCode is MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown
                or MySqlErrorCode.CommandTimeoutExpired or MySqlErrorCode.ConnectionCountError
                or MySqlErrorCode.AbortingConnection or MySqlErrorCode.NewAbortingConnection or MySqlErrorCode.QueryInterrupted
            || LostConnectionNumbers.Contains(mySql.Number)
            || mySql.InnerException is IOException or SocketException or EndOfStreamException or TimeoutException,
        // A socket that failed under the driver outside a command (opening, resetting or returning a connection).
        IOException or SocketException or EndOfStreamException when exception.Source == "MySqlConnector" => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsDatabaseOutage),
        _ => false,
    };
}
