namespace FinanceTracker.Web.Components.Shared;

public static class Aria
{
    /// <summary>
    /// For Fluent buttons: the web component keeps its disabled state in ElementInternals, which
    /// tools reading the DOM (and Playwright's "wait until enabled") cannot see; the attribute can.
    /// </summary>
    public static string? Disabled(bool disabled) => disabled ? "true" : null;
}
