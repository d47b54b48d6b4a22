namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// The one range of dates the Api accepts, in bodies and in queries: wider than any ledger, and far enough
/// from DateOnly's ends (0001-01-01, 9999-12-31) that the next day or month of any accepted date exists.
/// </summary>
internal static class DateBounds
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool Contains(DateOnly date) => date >= Earliest && date <= Latest;

    public static string DateOutOfRange(string name) =>
        $"'{name}' must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.";

    public static string MonthOutOfRange(string name) =>
        $"'{name}' must be between {Earliest:yyyy-MM} and {Latest:yyyy-MM}.";
}
