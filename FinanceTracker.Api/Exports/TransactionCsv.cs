using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>The transactions as CSV that Excel and LibreOffice open with the right columns: UTF-8 with BOM, CRLF, ISO dates.</summary>
internal static class TransactionCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>The byte order mark (what makes Excel read the file as UTF-8 rather than the machine's code page) and the header row.</summary>
    private static readonly byte[] Start = [0xEF, 0xBB, 0xBF, .. "Date,Account,Payee,Category,Amount,Currency,Notes,Tags\r\n"u8];

    /// <summary>Rows are sent on in pieces of about this size: large enough for few writes, small enough to stay out of the large object heap.</summary>
    private const int SendAt = 64 * 1024;

    public static async Task WriteAsync(Stream body, ExportSnapshot snapshot, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var (accountNames, categoryNames) = await ExportStore.NamesAsync(snapshot, userId, cancellationToken);
        // Names and currencies repeat on every row: each is encoded once.
        var accounts = accountNames.ToDictionary(a => a.Key, a => CsvBuffer.Cell(a.Value));
        var categories = categoryNames.ToDictionary(c => c.Key, c => CsvBuffer.Cell(c.Value));
        var currencies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        await body.WriteAsync(Start, cancellationToken);
        var csv = new CsvBuffer();
        await foreach (var row in ExportStore.RowsAsync(snapshot, userId, filter, full: false, cancellationToken))
        {
            if (!currencies.TryGetValue(row.Currency, out var currency))
            {
                currencies[row.Currency] = currency = CsvBuffer.Cell(row.Currency);
            }
            csv.Date(row.Date)
                .Encoded(accounts.GetValueOrDefault(row.AccountId, []))
                .Text(row.Payee)
                .Encoded(row.CategoryId is { } c ? categories.GetValueOrDefault(c, []) : [])
                .Number(Currencies.Normalize(row.Amount, row.Currency))
                .Encoded(currency)
                .Text(row.Notes)
                .Text(row.Tags switch { [] => "", [var tag] => tag, var tags => string.Join("; ", tags) })
                .EndRow();
            if (csv.Length >= SendAt)
            {
                await body.WriteAsync(csv.Written, cancellationToken);
                csv.Clear();
            }
        }
        await body.WriteAsync(csv.Written, cancellationToken);
    }
}
