using System.Diagnostics;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>Tests that stop a shared server run alone, so no other test sees the outage.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutages
{
    public const string Name = "Server outages";

    /// <summary>Runs scripts/stack.sh (FT_TEST_STACK) with a command such as stop_redis or start_azurite.</summary>
    public static async Task StackAsync(string command)
    {
        var script = Environment.GetEnvironmentVariable("FT_TEST_STACK")
            ?? throw new InvalidOperationException("FT_TEST_STACK is not set. Run the tests with scripts/test.");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, command]) { RedirectStandardError = true })!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} failed: {errors}");
    }
}
