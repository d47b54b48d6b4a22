namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Tests that stop, kill or restart a shared resource (MariaDB, Redis, Azurite, the Api) through the AppHost run here,
/// alone: every other test uses the same servers and would see the outage. So does the backup test, which starts a
/// second stack beside the shared one.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutages
{
    public const string Name = "Server outages";
}
