using System.Text.Encodings.Web;
using System.Text.Json;
using FinanceTracker.Api.Money;

namespace FinanceTracker.Api.Exports;

/// <summary>How the backup document is written and read: the Api's JSON conventions (camelCase, exact decimals).</summary>
internal static class BackupJson
{
    public const string FileName = "backup.json";

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new ExactDecimalConverter() },
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The zip entry of a receipt's bytes.</summary>
    public static string ReceiptEntry(long receiptId, string fileName) => $"receipts/{receiptId}/{fileName}";
}
