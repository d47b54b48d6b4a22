using System.Buffers;
using System.Text.Json;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Writes the backup document from one snapshot. The transactions come last and stream row by row, so a
/// million of them pass through a few KB of memory.
/// </summary>
internal static class BackupWriter
{
    private static readonly TransactionFilter Everything = TransactionFilter.Parse(new QueryCollection());

    /// <param name="receipts">The receipts to list (with their SHA-256 when the zip carries their bytes).</param>
    public static async Task WriteAsync(
        Stream body, ExportSnapshot snapshot, long userId, DateTime exportedAt, IReadOnlyList<BackupReceipt> receipts, CancellationToken cancellationToken)
    {
        // Written into a buffer that is sent on with async writes every 64 KB: the serializer's own flushes then never
        // touch the response synchronously (which it refuses), and the buffer stays one piece whatever the ledger's size.
        var buffer = new ArrayBufferWriter<byte>(SendAt * 2);
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BackupJson.Options.Encoder });
        json.WriteStartObject();
        json.WriteString("format", BackupDocument.FormatName);
        json.WriteNumber("formatVersion", BackupDocument.CurrentVersion);
        json.WriteString("exportedAt", exportedAt);
        Section(json, "accounts", await BackupStore.AccountsAsync(snapshot, userId, cancellationToken));
        Section(json, "categories", await BackupStore.CategoriesAsync(snapshot, userId, cancellationToken));
        Section(json, "importRules", await BackupStore.ImportRulesAsync(snapshot, userId, cancellationToken));
        Section(json, "recurringRules", await BackupStore.RecurringRulesAsync(snapshot, userId, cancellationToken));
        Section(json, "budgets", await BackupStore.BudgetsAsync(snapshot, userId, cancellationToken));
        Section(json, "receipts", receipts);
        json.WriteStartArray("transactions");
        await foreach (var row in ExportStore.RowsAsync(snapshot, userId, Everything, full: true, cancellationToken))
        {
            var transaction = new BackupTransaction(row.Id, row.AccountId, row.CategoryId, row.Date,
                Currencies.Normalize(row.Amount, row.Currency), row.Currency, row.Payee, row.Notes, [.. row.Tags],
                row.ImportKey is { } key ? Convert.ToHexString(key) : null, row.TransferId,
                row.Splits is { Count: > 0 } parts ? [.. parts.Select(p => new BackupSplit(p.CategoryId, Currencies.Normalize(p.Amount, row.Currency), p.Notes))] : null,
                row.RecurringId, row.Cleared ? true : null, row.Reconciled ? true : null);
            JsonSerializer.Serialize(json, transaction, BackupJson.Options);
            if (buffer.WrittenCount >= SendAt)
            {
                await SendAsync(body, buffer, cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await SendAsync(body, buffer, cancellationToken);
    }

    private const int SendAt = 64 * 1024;

    private static async Task SendAsync(Stream body, ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        await body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        buffer.ResetWrittenCount();
    }

    private static void Section<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, items, BackupJson.Options);
    }
}
