using System.Text.Encodings.Web;
using System.Text.Json;

namespace FinanceTracker.Api.Exports;

internal static class ExportJson
{
    /// <summary>A file to download, never embedded in a page: names like "Café Müller" stay readable instead of \u-escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
