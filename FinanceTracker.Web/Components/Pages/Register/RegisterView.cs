using System.Globalization;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Web.Components.Pages.Register;

/// <summary>
/// What the register shows, as it lives in the URL (so reload, Back and Forward keep it): the date range and search
/// that hide rows, the cursor of the page shown and those of the pages before it (so Previous works after a reload).
/// </summary>
public sealed record RegisterView(DateOnly? From, DateOnly? To, string? Q, IReadOnlyList<string> Cursors)
{
    public const int PageSize = 50;

    public static RegisterView Empty { get; } = new(null, null, null, []);

    public string? Cursor => Cursors.Count > 0 ? Cursors[^1] : null;

    public int PageNumber => Cursors.Count + 1;

    public bool IsFiltered => From is not null || To is not null || !string.IsNullOrWhiteSpace(Q);

    /// <summary>A From after the To can match nothing: said beside the field rather than shown as "no results".</summary>
    public bool RangeIsBackwards => From is { } from && To is { } to && from > to;

    public static RegisterView Read(string? from, string? to, string? q, string? pages) => new(
        ReadDate(from), ReadDate(to), string.IsNullOrWhiteSpace(q) ? null : q,
        (pages ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries));

    public RegisterView WithFilters(DateOnly? from, DateOnly? to, string? q) => new(from, to, q, []);

    public RegisterView Next(string cursor) => this with { Cursors = [.. Cursors, cursor] };

    public RegisterView Previous() => this with { Cursors = Cursors.Take(Math.Max(0, Cursors.Count - 1)).ToList() };

    public TransactionQuery ToQuery(long accountId) => new()
    {
        AccountId = accountId,
        From = From,
        To = To,
        Q = Q,
        Cursor = Cursor,
        PageSize = PageSize,
    };

    /// <summary>The register's address with this view in its query string.</summary>
    public string Url(long accountId)
    {
        var parts = new List<string>();
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "q", string.IsNullOrWhiteSpace(Q) ? null : Q);
        Add(parts, "pages", Cursors.Count > 0 ? string.Join('.', Cursors) : null);
        return $"/accounts/{accountId}" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (value is not null)
        {
            parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static DateOnly? ReadDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
