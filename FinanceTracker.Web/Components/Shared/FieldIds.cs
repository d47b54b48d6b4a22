namespace FinanceTracker.Web.Components.Shared;

/// <summary>Unique element ids so each label points at its own input, even with two forms on a page.</summary>
public static class FieldIds
{
    private static long _next;

    public static string New() => "f" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
