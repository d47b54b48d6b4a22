using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using MySqlConnector;

namespace FinanceTracker.Api.Infrastructure;

/// <summary>
/// Keeps ASP.NET Core data-protection keys in MySQL so every Api replica (and every restart)
/// can read the bearer tokens the others issued. Each call is a span of its own: the key ring also
/// loads at start-up, outside any request, where its commands would otherwise be root traces.
/// </summary>
internal sealed class MySqlXmlRepository(MySqlDataSource dataSource) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var activity = ApiActivities.Source.StartActivity("Read data-protection keys");
        using var connection = dataSource.OpenConnection();
        return connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id")
            .Select(XElement.Parse)
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var activity = ApiActivities.Source.StartActivity("Store data-protection key");
        using var connection = dataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@friendlyName, @xml)",
            new { friendlyName, xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
