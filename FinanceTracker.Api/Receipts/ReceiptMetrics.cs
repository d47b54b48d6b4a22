using System.Diagnostics.Metrics;

namespace FinanceTracker.Api.Receipts;

/// <summary>OpenTelemetry counters for receipt uploads: how many were stored, and their bytes.</summary>
public sealed class ReceiptMetrics
{
    public const string MeterName = "FinanceTracker.Receipts";

    private readonly Counter<long> uploaded;
    private readonly Counter<long> uploadedBytes;

    public ReceiptMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        uploaded = meter.CreateCounter<long>("financetracker.receipts.uploaded", unit: "{receipt}", description: "Receipts stored");
        uploadedBytes = meter.CreateCounter<long>("financetracker.receipts.uploaded.bytes", unit: "By", description: "Bytes of the receipts stored");
    }

    public void Uploaded(string contentType, long bytes)
    {
        // Content types are the five the sniffer accepts, so the tag stays low-cardinality.
        var tag = new KeyValuePair<string, object?>("financetracker.receipt.content_type", contentType);
        uploaded.Add(1, tag);
        uploadedBytes.Add(bytes, tag);
    }
}
