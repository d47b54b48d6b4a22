namespace FinanceTracker.Web.Formatting;

/// <summary>"Firefox on Windows" from a User-Agent header: enough to recognise one's own devices, nothing more.</summary>
public static class DeviceName
{
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown device";
        }
        var browser = Browser(userAgent);
        var system = System(userAgent);
        return (browser, system) switch
        {
            (null, null) => "Unknown browser",
            (null, { } os) => $"Browser on {os}",
            ({ } name, null) => name,
            ({ } name, { } os) => $"{name} on {os}",
        };
    }

    public static bool IsPhone(string? userAgent) =>
        userAgent is not null && (Has(userAgent, "Mobile") || Has(userAgent, "iPhone") || Has(userAgent, "Android"));

    // Order matters: Edge and Opera also say "Chrome", and Chrome also says "Safari".
    private static string? Browser(string ua) =>
        Has(ua, "Edg/") || Has(ua, "EdgA/") || Has(ua, "EdgiOS/") ? "Edge"
        : Has(ua, "OPR/") || Has(ua, "Opera") ? "Opera"
        : Has(ua, "Firefox/") || Has(ua, "FxiOS/") ? "Firefox"
        : Has(ua, "SamsungBrowser/") ? "Samsung Internet"
        : Has(ua, "HeadlessChrome/") ? "Headless Chrome"
        : Has(ua, "Chrome/") || Has(ua, "CriOS/") || Has(ua, "Chromium/") ? "Chrome"
        : Has(ua, "Safari/") ? "Safari"
        : null;

    private static string? System(string ua) =>
        Has(ua, "iPhone") ? "iPhone"
        : Has(ua, "iPad") ? "iPad"
        : Has(ua, "Android") ? "Android"
        : Has(ua, "Windows") ? "Windows"
        : Has(ua, "CrOS") ? "ChromeOS"
        : Has(ua, "Mac OS X") || Has(ua, "Macintosh") ? "macOS"
        : Has(ua, "Linux") ? "Linux"
        : null;

    private static bool Has(string ua, string token) => ua.Contains(token, StringComparison.OrdinalIgnoreCase);
}
