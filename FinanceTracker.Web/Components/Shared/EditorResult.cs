namespace FinanceTracker.Web.Components.Shared;

/// <summary>How an edit dialog ended: with a saved item, or with the person asking to delete it.</summary>
public sealed record EditorResult<T>(T? Saved, bool DeleteRequested)
    where T : class
{
    public const string DeleteSignal = "delete";

    public static EditorResult<T>? From(Microsoft.FluentUI.AspNetCore.Components.DialogResult result) =>
        result.Cancelled ? null
        : result.Value is T saved ? new(saved, false)
        : result.Value is DeleteSignal ? new(null, true)
        : null;
}
