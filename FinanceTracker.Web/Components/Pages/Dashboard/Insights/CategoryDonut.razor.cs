using FinanceTracker.Web.Api;
using Microsoft.AspNetCore.Components;

namespace FinanceTracker.Web.Components.Pages.Dashboard.Insights;

public sealed partial class CategoryDonut
{
    /// <summary>For categories without a colour: mid-tone hues that read on light and dark backgrounds.</summary>
    private static readonly string[] Palette =
        ["#4f6bed", "#e3008c", "#00a5af", "#ca5010", "#8764b8", "#498205", "#c19c00", "#0078d4", "#d13438", "#637cef"];

    [Parameter] public CurrencyCategories? Data { get; set; }
    [Parameter, EditorRequired] public required string Currency { get; set; }

    internal IReadOnlyList<Slice> Slices { get; private set; } = [];

    private IEnumerable<string> Fills => Slices.Select(s => s.Color);

    private IEnumerable<string> Strokes => Slices.Select(_ => "transparent");

    protected override void OnParametersSet() =>
        Slices = (Data?.Spending ?? []).Where(c => c.Amount > 0)
            .Select((c, i) => new Slice(c.Name, c.Amount, c.SharePercent, ColorOf(c.Color, i)))
            .ToList();

    private static string ColorOf(string? color, int index) =>
        color is not null && System.Text.RegularExpressions.Regex.IsMatch(color, "^#[0-9A-Fa-f]{6}$") ? color : Palette[index % Palette.Length];

    internal sealed record Slice(string Name, decimal Amount, decimal Share, string Color)
    {
        // Radzen plots doubles; every number a person reads comes from the decimal.
        public double Value => (double)Amount;
    }
}
