using System.Globalization;
using FinanceTracker.Web.Api;
using FinanceTracker.Web.Receipts;
using Microsoft.FluentUI.AspNetCore.Components;
using Icons = Microsoft.FluentUI.AspNetCore.Components.Icons;

namespace FinanceTracker.Web.Components.Pages.Transactions;

/// <summary>How a receipt file is shown: a thumbnail for images browsers can draw, an icon otherwise.</summary>
public static class ReceiptFiles
{
    public const string Accept = "image/jpeg,image/png,image/webp,image/heic,.heic,application/pdf";

    // HEIC is left out: most browsers cannot draw it, so it gets an icon rather than a broken image.
    private static readonly HashSet<string> Drawable = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png", "image/webp" };

    public static string ContentUrl(Receipt receipt) => ReceiptEndpoints.ContentPath(receipt.Id);

    public static bool HasThumbnail(Receipt receipt) => Drawable.Contains(receipt.ContentType);

    public static bool IsPdf(Receipt receipt) => receipt.ContentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase);

    public static Icon Icon(Receipt receipt) =>
        IsPdf(receipt) ? new Icons.Regular.Size32.DocumentPdf() : new Icons.Regular.Size32.Image();

    public static string SizeText(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bytes",
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB"),
    };
}
