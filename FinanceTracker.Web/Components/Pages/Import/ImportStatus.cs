using FinanceTracker.Web.Api;
using Microsoft.FluentUI.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Import;

/// <summary>How a preview row's status reads: a word on a coloured badge (the word carries the meaning) and why.</summary>
public static class ImportStatus
{
    public const string New = "new";
    public const string Duplicate = "duplicate";
    public const string Error = "error";

    public static bool Is(ImportRow row, string status) => string.Equals(row.Status, status, StringComparison.OrdinalIgnoreCase);

    public static string Text(ImportRow row) =>
        Is(row, New) ? "New" : Is(row, Duplicate) ? "Duplicate" : Is(row, Error) ? "Error" : row.Status;

    public static BadgeColor Color(ImportRow row) =>
        Is(row, New) ? BadgeColor.Success : Is(row, Duplicate) ? BadgeColor.Warning : BadgeColor.Danger;

    /// <summary>The error for a broken row, the reason for a duplicate: always shown as text beside the badge.</summary>
    public static string? Explanation(ImportRow row) => Is(row, Error) ? row.Error ?? row.Reason : row.Reason;

    /// <summary>
    /// A duplicate the person may still import: one that only looks like a transaction entered by hand (the Api says so).
    /// Rows imported before are never imported twice (the Api ignores them in <c>include</c>), so they get no checkbox.
    /// </summary>
    public static bool CanIncludeAnyway(ImportRow row) => Is(row, Duplicate) && row.CanInclude;

    /// <summary>How a past import reads in the list: imported, undone, or only previewed.</summary>
    public static string SummaryText(ImportSummary import) => import.Status.ToLowerInvariant() switch
    {
        "committed" => "Imported",
        "undone" => "Undone",
        _ => "Not imported",
    };

    public static bool CanUndo(ImportSummary import) => string.Equals(import.Status, "committed", StringComparison.OrdinalIgnoreCase);

    public static string TransactionsUrl(long importId) => $"/transactions?importId={importId}";

    public static string Count(int count, string one, string many) => count == 1 ? $"1 {one}" : $"{count:N0} {many}";
}
