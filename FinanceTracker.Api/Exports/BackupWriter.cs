using System.Text.Json;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>
/// Writes the backup document from one snapshot. The transactions come last and stream a chunk at a time, so a
/// million of them pass through a few thousand rows of memory.
/// </summary>
internal static class BackupWriter
{
    private static readonly TransactionFilter Everything = TransactionFilter.Parse(new QueryCollection());

    /// <param name="receipts">The receipts to list (with their SHA-256 when the zip carries their bytes).</param>
    public static async Task WriteAsync(
        Stream body, ExportSnapshot snapshot, long userId, DateTime exportedAt, IReadOnlyList<BackupReceipt> receipts, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = BackupJson.Options.Encoder });
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
        await foreach (var chunk in ExportStore.ChunksAsync(snapshot, userId, Everything, cancellationToken))
        {
            foreach (var row in chunk.Rows)
            {
                var transaction = new BackupTransaction(row.Id, row.AccountId, row.CategoryId, row.Date,
                    Currencies.Normalize(row.Amount, row.Currency), row.Currency, row.Payee, row.Notes, chunk.Tags[row.Id].ToList(),
                    row.ImportKey is { } key ? Convert.ToHexString(key) : null, row.TransferId,
                    chunk.Splits[row.Id].Select(p => new BackupSplit(p.CategoryId, Currencies.Normalize(p.Amount, row.Currency), p.Notes)).ToList() is { Count: > 0 } parts ? parts : null,
                    row.RecurringId, row.Cleared ? true : null, row.Reconciled ? true : null);
                json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(transaction, BackupJson.Options), skipInputValidation: true);
            }
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private static void Section<T>(Utf8JsonWriter json, string name, IReadOnlyList<T> items)
    {
        // Serialized apart and written raw: JsonSerializer.Serialize(writer, …) flushes synchronously, which the response refuses.
        json.WritePropertyName(name);
        json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(items, BackupJson.Options), skipInputValidation: true);
    }
}
