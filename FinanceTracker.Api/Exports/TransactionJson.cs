using System.Text.Json;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>The transactions as one JSON array, written row by row with a Utf8JsonWriter and sent on every 64 KB.</summary>
internal static class TransactionJson
{
    public const string ContentType = "application/json; charset=utf-8";

    /// <summary>Rows are sent on in pieces of about this size (the writer's buffer stays out of the large object heap).</summary>
    private const int SendAt = 64 * 1024;

    public static async Task WriteAsync(Stream body, ExportSnapshot snapshot, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var (accounts, categories) = await ExportStore.NamesAsync(snapshot, userId, cancellationToken);
        await using var json = new Utf8JsonWriter(body, ExportJson.WriterOptions);
        json.WriteStartArray();
        await foreach (var row in ExportStore.RowsAsync(snapshot, userId, filter, full: false, cancellationToken))
        {
            json.WriteStartObject();
            json.WriteString("date", row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("account", accounts.GetValueOrDefault(row.AccountId, ""));
            json.WriteNumber("accountId", row.AccountId);
            json.WriteString("payee", row.Payee);
            if (row.CategoryId is { } categoryId)
            {
                json.WriteString("category", categories.GetValueOrDefault(categoryId, ""));
                json.WriteNumber("categoryId", categoryId);
            }
            else
            {
                json.WriteNull("category");
                json.WriteNull("categoryId");
            }
            json.WriteNumber("amount", Currencies.Normalize(row.Amount, row.Currency));
            json.WriteString("currency", row.Currency);
            json.WriteString("notes", row.Notes);
            json.WriteStartArray("tags");
            foreach (var tag in row.Tags)
            {
                json.WriteStringValue(tag);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            if (json.BytesPending >= SendAt)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }
}
