using System.Text.Json;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>The transactions as one JSON array, written row by row with a Utf8JsonWriter and flushed a chunk at a time.</summary>
internal static class TransactionJson
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(Stream body, ExportSnapshot snapshot, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var (accounts, categories) = await ExportStore.NamesAsync(snapshot, userId, cancellationToken);
        await using var json = new Utf8JsonWriter(body, ExportJson.WriterOptions);
        json.WriteStartArray();
        await foreach (var chunk in ExportStore.ChunksAsync(snapshot, userId, filter, cancellationToken))
        {
            foreach (var row in chunk.Rows)
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
                foreach (var tag in chunk.Tags[row.Id])
                {
                    json.WriteStringValue(tag);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            await json.FlushAsync(cancellationToken);
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }
}
