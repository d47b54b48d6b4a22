using System.Data;
using MySqlConnector;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// One read-only database transaction with a consistent snapshot, held for a whole export: every chunk of a long
/// export sees the ledger as it was when the export began, also while the person keeps writing.
/// </summary>
internal sealed class ExportSnapshot : IAsyncDisposable
{
    private ExportSnapshot(MySqlConnection connection, MySqlTransaction transaction)
    {
        Connection = connection;
        Transaction = transaction;
    }

    public MySqlConnection Connection { get; }
    public MySqlTransaction Transaction { get; }

    public static async Task<ExportSnapshot> OpenAsync(MySqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            // Snapshot: MySqlConnector starts it WITH CONSISTENT SNAPSHOT at repeatable read.
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.Snapshot, isReadOnly: true, cancellationToken);
            return new ExportSnapshot(connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}
