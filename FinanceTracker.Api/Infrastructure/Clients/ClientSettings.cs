using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>The settings the Aspire client stand-ins read, bound the way Aspire binds them.</summary>
public sealed class ClientSettings
{
    public string? ConnectionString { get; set; }
    public bool DisableHealthChecks { get; set; }
    public bool DisableTracing { get; set; }

    /// <summary>Section, then the named sub-section, then <c>ConnectionStrings:{name}</c> (which wins).</summary>
    internal static ClientSettings Bind(IConfiguration configuration, string section, string connectionName)
    {
        var settings = new ClientSettings();
        configuration.GetSection(section).Bind(settings);
        configuration.GetSection($"{section}:{connectionName}").Bind(settings);
        if (configuration.GetConnectionString(connectionName) is { Length: > 0 } connectionString)
        {
            settings.ConnectionString = connectionString;
        }
        return settings;
    }
}
