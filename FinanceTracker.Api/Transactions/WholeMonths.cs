namespace FinanceTracker.Api.Transactions;

/// <summary>
/// Splits a date range into the calendar months lying wholly inside it (answered by monthly_totals)
/// and the partial days before and after them (answered by transactions). Null bounds are open.
/// </summary>
internal readonly record struct WholeMonths(DateOnly? First, DateOnly? Last)
{
    public static WholeMonths Of(DateOnly? from, DateOnly? to) => new(
        from is { } f ? (f.Day == 1 ? f : FirstOfMonth(f).AddMonths(1)) : null,
        to is { } t ? (t.AddDays(1).Day == 1 ? FirstOfMonth(t) : FirstOfMonth(t).AddMonths(-1)) : null);

    /// <summary>False when the range is shorter than one whole month.</summary>
    public bool Any => First is null || Last is null || First <= Last;

    /// <summary>Days in [from, to] that fall outside the whole months (at most two runs).</summary>
    public IEnumerable<(DateOnly From, DateOnly To)> Edges(DateOnly? from, DateOnly? to)
    {
        if (!Any)
        {
            yield return (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
            yield break;
        }
        if (from is { } f && First is { } first && f < first)
        {
            yield return (f, first.AddDays(-1));
        }
        if (to is { } t && Last is { } last && t >= last.AddMonths(1))
        {
            yield return (last.AddMonths(1), t);
        }
    }

    public static DateOnly FirstOfMonth(DateOnly date) => new(date.Year, date.Month, 1);
}
