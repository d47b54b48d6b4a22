using System.Text.Json;
using Microsoft.Playwright;

namespace FinanceTracker.Tests.Browser;

/// <summary>
/// axe-core (from npm, installed by <c>scripts/prereqs</c> into the git-ignored <c>.local/node</c>) injected into a page
/// and run over the whole document; hands back the violations a person with a disability would hit hardest.
/// </summary>
public static class Axe
{
    /// <summary>The impacts the check fails on: axe's "serious" and "critical" (not "moderate" or "minor").</summary>
    private static readonly string[] Failing = ["serious", "critical"];

    public static string ScriptPath { get; } =
        Path.Combine(RepositoryPaths.Root, ".local", "node", "node_modules", "axe-core", "axe.min.js");

    /// <summary>The page's serious and critical violations, each with its rule, help text and first few targets.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        if (!File.Exists(ScriptPath))
        {
            throw new InvalidOperationException(
                $"axe-core is not installed ({ScriptPath} is missing); run `scripts/prereqs` from the repository root.");
        }
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            // Evaluated rather than added as a <script> tag: the app's Content-Security-Policy (script-src 'self') rightly
            // blocks an inline script, and a test must not loosen it.
            await page.EvaluateAsync(await File.ReadAllTextAsync(ScriptPath));
        }
        var json = await page.EvaluateAsync<string>(
            """
            async () => {
                const results = await axe.run(document, { resultTypes: ['violations'] });
                return JSON.stringify(results.violations.map(v => ({
                    id: v.id,
                    impact: v.impact,
                    help: v.help,
                    helpUrl: v.helpUrl,
                    count: v.nodes.length,
                    targets: v.nodes.slice(0, 4).map(n => n.target.map(t => Array.isArray(t) ? t.join(' >>> ') : t).join(' ')),
                    summary: v.nodes.length ? (v.nodes[0].failureSummary || '') : '',
                })));
            }
            """);
        var all = JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
        return [.. all.Where(v => Failing.Contains(v.Impact))];
    }
}

public sealed record AxeViolation(string Id, string? Impact, string Help, string HelpUrl, int Count, string[] Targets, string Summary)
{
    public override string ToString() =>
        $"{Id} ({Impact}, {Count} element{(Count == 1 ? "" : "s")}): {Help}\n" +
        string.Concat(Targets.Select(t => $"      at {t}\n")) +
        $"      {Summary.ReplaceLineEndings(" ").Trim()}";
}
