namespace FinanceTracker.Web;

/// <summary>
/// The Web's Content-Security-Policy: scripts, styles, fonts and connections from this origin only (the Blazor
/// circuit's WebSocket is same-origin, which 'self' covers), no plugins, no framing, forms post here only.
/// Fluent UI and Blazor insert &lt;style&gt; elements and write style attributes (widths, positions, colours): with
/// style-src 'self' alone Chromium blocks both (style-src-elem, style-src-attr), hence 'unsafe-inline' for styles
/// only; never for scripts, and no 'unsafe-eval'.
/// </summary>
internal static class WebContentSecurityPolicy
{
    public const string Value =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
}
