using System.Diagnostics;

namespace FinanceTracker.Tests.Infrastructure;

/// <summary>
/// Tests that stop and restart a shared server (Azurite, Redis) run here, alone: every other test
/// uses the same servers and would see the outage.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ServerOutages
{
    public const string Name = "Server outages";

    /// <summary>Runs "$FT_TEST_STACK" <paramref name="command"/> (stop_azurite, start_redis, …) for the FT_STACK_PROFILE stack.</summary>
    public static async Task StackAsync(string command)
    {
        var stack = Environment.GetEnvironmentVariable("FT_TEST_STACK") is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("FT_TEST_STACK is not set. Run the tests with scripts/test.");
        using var process = Process.Start(new ProcessStartInfo(stack, command) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{stack} {command} exited with {process.ExitCode}: {string.Concat(output)}");
    }
}
