using System.Text.RegularExpressions;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>The account emails the Api wrote to its log (no SMTP server in tests), read back by what they say.</summary>
public static class EmailLog
{
    /// <summary>The link of the latest email of that kind ("Password reset link") to that address, once it is there.</summary>
    public static async Task<Uri> LinkAsync(this TestApp app, string kind, string email)
    {
        var pattern = new Regex($"{Regex.Escape(kind)} for {Regex.Escape(email)}: (\\S+)");
        Uri? link = null;
        await Eventually.TrueAsync(() =>
        {
            var match = pattern.Matches(app.RecentLog("api")).LastOrDefault();
            link = match is null ? null : new Uri(match.Groups[1].Value);
            return Task.FromResult(link is not null);
        }, TimeSpan.FromSeconds(10));
        return link ?? throw new Xunit.Sdk.XunitException($"No \"{kind}\" email to {email} in the Api's log:\n{app.RecentLog("api")}");
    }

    /// <summary>Whether any email line names the address (after giving the queue a moment to deliver).</summary>
    public static async Task<bool> AnyEmailToAsync(this TestApp app, string email)
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
        return app.RecentLog("api").Contains($" for {email}:", StringComparison.Ordinal);
    }
}
