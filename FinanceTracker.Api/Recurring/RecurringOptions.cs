using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Recurring;

/// <summary>The "Recurring" configuration section.</summary>
public sealed class RecurringOptions
{
    public const string Section = "Recurring";

    /// <summary>How often due occurrences are looked for (also once right after start); at most a minute, as promised.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PostingInterval { get; set; } = TimeSpan.FromMinutes(1);
}
