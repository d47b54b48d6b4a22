using System.Globalization;
using System.Text;

namespace FinanceTracker.Web.Api;

internal static class TransactionQueryString
{
    public static string Build(TransactionQuery query)
    {
        var builder = new StringBuilder();
        Add(builder, "accountId", query.AccountId?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "categoryId", query.CategoryId?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "from", query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(builder, "to", query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(builder, "q", string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim());
        Add(builder, "minAmount", query.MinAmount?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "maxAmount", query.MaxAmount?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "tag", query.Tag);
        Add(builder, "importId", query.ImportId?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "pageSize", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        Add(builder, "cursor", query.Cursor);
        Add(builder, "totals", query.WithTotals ? null : "false");
        return builder.ToString();
    }

    private static void Add(StringBuilder builder, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        builder.Append(builder.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
