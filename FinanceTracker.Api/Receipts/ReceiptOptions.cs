using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Receipts;

/// <summary>The "Receipts" configuration section.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>The largest receipt file accepted, in bytes (10 MB unless configured).</summary>
    [Range(typeof(long), "1", "268435456")]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The blob container; created private on first use.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string ContainerName { get; set; } = "receipts";

    /// <summary>How often blobs whose immediate deletion failed are retried.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
