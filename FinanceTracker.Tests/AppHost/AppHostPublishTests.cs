using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using FinanceTracker.Tests.Browser;

namespace FinanceTracker.Tests.AppHost;

/// <summary>
/// The manifest <c>azd</c> deploys from, written by the AppHost's own publisher (no server needed): the same
/// topology as containers with volumes, and every secret a generated parameter, never a value.
/// </summary>
public sealed partial class AppHostPublishTests
{
    private static readonly Lazy<Task<JsonElement>> manifest = new(PublishAsync);

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    public async Task TheAppsAreProjects(string name) =>
        Assert.Equal("project.v0", (await ResourceAsync(name)).GetProperty("type").GetString());

    [Fact]
    public async Task OnlyWebIsExternal()
    {
        var resources = (await manifest.Value).GetProperty("resources").EnumerateObject();

        var external = resources.Where(r => r.Value.TryGetProperty("bindings", out var bindings)
            && bindings.EnumerateObject().Any(b => b.Value.TryGetProperty("external", out var e) && e.GetBoolean()));
        Assert.Equal("web", Assert.Single(external).Name);
    }

    [Theory]
    [InlineData("mysql", "mysql:8.4", "/var/lib/mysql")]
    [InlineData("cache", "redis", "/data")]
    [InlineData("storage", "azurite", "/data")]
    public async Task ServersAreContainersWithDataVolumes(string name, string image, string dataPath)
    {
        var server = await ResourceAsync(name);

        Assert.Equal("container.v0", server.GetProperty("type").GetString());
        Assert.Contains(image, server.GetProperty("image").GetString());
        Assert.Contains(server.GetProperty("volumes").EnumerateArray(), v => v.GetProperty("target").GetString() == dataPath);
    }

    [Theory]
    [InlineData("financedb", "mysql-password")]
    [InlineData("cache", "cache-password")]
    [InlineData("receipts", "storage-key")]
    public async Task ConnectionStringsTakeTheirSecretFromAGeneratedSecretParameter(string name, string parameter)
    {
        var connectionString = await ResolvedConnectionStringAsync(name);
        var input = (await ResourceAsync(parameter)).GetProperty("inputs").GetProperty("value");

        Assert.Contains($"{{{parameter}.value}}", connectionString);
        Assert.True(input.GetProperty("secret").GetBoolean());
        Assert.True(input.GetProperty("default").TryGetProperty("generate", out _), $"{parameter} must be generated at deploy time, not given a value");
    }

    [Fact]
    public async Task NoSecretIsWrittenInClear()
    {
        var text = (await manifest.Value).GetRawText();

        // Every password, key and secret setting is an expression ({…}), never a literal.
        foreach (Match setting in SecretSetting().Matches(text))
        {
            Assert.StartsWith("{", setting.Groups["value"].Value);
        }
        Assert.NotEmpty(SecretSetting().Matches(text));
    }

    [GeneratedRegex(@"(?:(?:Password|AccountKey|password)=|""\w*(?:PASSWORD|ACCOUNTS)""\s*:\s*""(?:\w+:)?)(?<value>[^;,""\s]+)")]
    private static partial Regex SecretSetting();

    private static async Task<JsonElement> ResourceAsync(string name) =>
        (await manifest.Value).GetProperty("resources").GetProperty(name);

    /// <summary>A connection string with references to other resources' connection strings replaced by their text.</summary>
    private static async Task<string> ResolvedConnectionStringAsync(string name)
    {
        var value = (await ResourceAsync(name)).GetProperty("connectionString").GetString()!;
        foreach (Match reference in Regex.Matches(value, @"\{(?<name>[\w-]+)\.connectionString\}"))
        {
            value = value.Replace(reference.Value, await ResolvedConnectionStringAsync(reference.Groups["name"].Value));
        }
        return value;
    }

    /// <summary>Runs the built AppHost as <c>azd</c> does: <c>--publisher manifest --output-path …</c>.</summary>
    private static async Task<JsonElement> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), $"ft-manifest-{Guid.NewGuid():N}");
        var appHost = Path.Combine(RepositoryPaths.Root, "FinanceTracker.AppHost");
        var dll = Path.Combine(appHost, "bin", RepositoryPaths.Configuration, "net10.0", "FinanceTracker.AppHost.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--publisher", "manifest", "--output-path", Path.Combine(output, "aspire-manifest.json")])
        {
            WorkingDirectory = appHost,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var log = await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"Publishing failed ({process.ExitCode}): {string.Concat(log)}");
        try
        {
            return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"))).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
