namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Tests that stop and restart a shared server (Azurite, Redis) through the AppHost run here, alone: every other
/// test uses the same servers and would see the outage.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutages
{
    public const string Name = "Server outages";
}
