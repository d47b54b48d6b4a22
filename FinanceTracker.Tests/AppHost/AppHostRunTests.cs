using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace FinanceTracker.Tests.AppHost;

/// <summary>
/// Starts the real AppHost: MySQL, Redis and the Storage emulator as containers, Api and Web as
/// processes. Needs Aspire packages and a running Docker engine; skipped with a reason without one.
/// </summary>
public class AppHostRunTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task WebAnswersOnceTheWholeAppIsHealthy()
    {
        Assert.SkipUnless(await DockerIsRunningAsync(), "No Docker engine answers here: the AppHost's containers cannot start.");
        var cancellationToken = TestContext.Current.CancellationToken;

        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.FinanceTracker_AppHost>(cancellationToken);
        await using var app = await appHost.BuildAsync(cancellationToken).WaitAsync(StartTimeout, cancellationToken);
        await app.StartAsync(cancellationToken).WaitAsync(StartTimeout, cancellationToken);

        var web = app.CreateHttpClient("web");
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", cancellationToken).WaitAsync(StartTimeout, cancellationToken);
        using var response = await web.GetAsync("/", cancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // `docker info` answers only when an engine runs; the client alone (as in this repo's CI) fails or hangs.
    private static async Task<bool> DockerIsRunningAsync()
    {
        Process? docker;
        try
        {
            docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
        }
        catch (Win32Exception)
        {
            return false; // no docker client at all
        }
        if (docker is null)
        {
            return false;
        }

        using (docker)
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            try
            {
                await docker.WaitForExitAsync(timeout.Token);
                return docker.ExitCode == 0;
            }
            catch (OperationCanceledException)
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
        }
    }
}
