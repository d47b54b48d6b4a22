namespace FinanceTracker.Api.Money;

public static class MoneyLimits
{
    /// <summary>Largest magnitude of one amount: fits DECIMAL(19,4) with room for sums of millions of rows.</summary>
    public const decimal MaxAbsoluteAmount = 1_000_000_000_000m;
}
