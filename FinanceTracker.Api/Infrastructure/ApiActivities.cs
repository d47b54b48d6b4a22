using System.Diagnostics;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>The Api's own spans: the parents of background work (migrations, the receipt sweeper).</summary>
internal static class ApiActivities
{
    public const string SourceName = "FinanceTracker.Api";

    public static readonly ActivitySource Source = new(SourceName);
}
