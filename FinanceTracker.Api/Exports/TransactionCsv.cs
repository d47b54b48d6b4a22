using System.Globalization;
using System.Text;
using FinanceTracker.Api.Money;
using FinanceTracker.Api.Transactions;

namespace FinanceTracker.Api.Exports;

/// <summary>The transactions as CSV that Excel and LibreOffice open with the right columns: UTF-8 with BOM, CRLF, ISO dates.</summary>
internal static class TransactionCsv
{
    public const string ContentType = "text/csv; charset=utf-8";
    public const string Header = "Date,Account,Payee,Category,Amount,Currency,Notes,Tags";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public static async Task WriteAsync(Stream body, ExportSnapshot snapshot, long userId, TransactionFilter filter, CancellationToken cancellationToken)
    {
        var (accounts, categories) = await ExportStore.NamesAsync(snapshot, userId, cancellationToken);
        // The byte order mark is what makes Excel read the file as UTF-8 rather than the machine's code page.
        await body.WriteAsync(Bom, cancellationToken);
        var csv = new CsvBuffer();
        await WriteTextAsync(body, Header + "\r\n", cancellationToken);
        await foreach (var chunk in ExportStore.ChunksAsync(snapshot, userId, filter, cancellationToken))
        {
            foreach (var row in chunk.Rows)
            {
                csv.Number(row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
                    .Text(accounts.GetValueOrDefault(row.AccountId, ""))
                    .Text(row.Payee)
                    .Text(row.CategoryId is { } c ? categories.GetValueOrDefault(c, "") : "")
                    .Number(Currencies.Normalize(row.Amount, row.Currency).ToString(CultureInfo.InvariantCulture))
                    .Text(row.Currency)
                    .Text(row.Notes)
                    .Text(string.Join("; ", chunk.Tags[row.Id]))
                    .EndRow();
            }
            await WriteTextAsync(body, csv.Take(), cancellationToken);
            await body.FlushAsync(cancellationToken);
        }
    }

    private static async Task WriteTextAsync(Stream body, string text, CancellationToken cancellationToken) =>
        await body.WriteAsync(Utf8.GetBytes(text), cancellationToken);
}
