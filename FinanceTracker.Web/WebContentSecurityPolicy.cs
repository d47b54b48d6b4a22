namespace FinanceTracker.Web;

/// <summary>
/// The Web's Content-Security-Policy: scripts, styles, fonts and connections from this origin only (the Blazor
/// circuit's WebSocket is same-origin, which 'self' covers), no plugins, no framing, forms post here only.
/// Fluent UI and Blazor write style attributes on elements (widths, positions, colours), which CSP counts as inline
/// style, hence 'unsafe-inline' for styles (never for scripts; no 'unsafe-eval').
/// </summary>
internal static class WebContentSecurityPolicy
{
    public const string Value =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";
}
