using System.Text.RegularExpressions;

namespace FinanceTracker.Web.Components.Shared;

public static partial class CategoryColors
{
    /// <summary>Only a strict #RRGGBB goes into a style attribute; anything else falls back to a neutral token.</summary>
    public static string Css(string? color) =>
        color is not null && HexColor().IsMatch(color) ? color : "var(--colorNeutralForeground3)";

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex HexColor();
}
