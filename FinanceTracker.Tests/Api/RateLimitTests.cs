using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Rate limits, on an Api replica of their own with low limits (the shared one has limits no test reaches), on real
/// Kestrel over loopback, the proxy the Api trusts: each test is a different client through X-Forwarded-For.
/// </summary>
public sealed class RateLimitTests(ApiFixture api, RateLimitTests.LowLimitApi limited) : IClassFixture<ApiFixture>, IClassFixture<RateLimitTests.LowLimitApi>
{
    private const int SignInPerMinute = 4;
    private const int AccountAttempts = 3;
    private const int UploadsPerMinute = 2;
    private const int OtherAuthPerMinute = 3;

    [Fact]
    public async Task TooManySignInsFromOneAddressAre429WithRetryAfter()
    {
        var client = limited.ClientFrom(NewAddress());
        for (var i = 0; i < SignInPerMinute; i++)
        {
            var allowed = await client.PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = "Wrong-password-1" });
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = "Wrong-password-1" });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many sign-in attempts", problem.Detail);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        var elsewhere = await limited.ClientFrom(NewAddress()).PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = "Wrong-password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task TooManyAttemptsOnOneAccountAre429FromAnyAddress()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        for (var i = 0; i < AccountAttempts; i++)
        {
            var allowed = await limited.ClientFrom(NewAddress()).PostAsJsonAsync("/api/auth/forgotPassword", new { email });
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var refused = await limited.ClientFrom(NewAddress()).PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("this account", problem.Detail);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 15 * 60);
        var other = NewEmail();
        await api.NewUserClientAsync(other);
        var otherAccount = await limited.ClientFrom(NewAddress()).PostAsJsonAsync("/api/auth/login", new { email = other, password = ApiFixture.Password });
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task AnUnknownAccountIsLimitedLikeAKnownOne()
    {
        var email = NewEmail();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= AccountAttempts; i++)
        {
            last = await limited.ClientFrom(NewAddress()).PostAsJsonAsync("/api/auth/login", new { email, password = "Wrong-password-1" });
        }

        await last!.AssertProblemAsync(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task TheWebsSessionCheckOnEveryPageLoadIsNotCountedButOtherAuthCallsAre()
    {
        var owner = await api.NewUserClientAsync();
        var client = limited.ClientFrom(NewAddress());
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        for (var i = 0; i < OtherAuthPerMinute * 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/manage/info")).StatusCode);
        }

        for (var i = 0; i < OtherAuthPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/manage/info", new { })).StatusCode);
        }
        var refused = await client.PostAsJsonAsync("/api/auth/manage/info", new { });

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many requests", problem.Detail);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/manage/info")).StatusCode);
    }

    [Fact]
    public async Task TooManyReceiptUploadsByOnePersonAre429()
    {
        var owner = await api.NewUserClientAsync();
        var transaction = await owner.CreateTransactionAsync((await owner.CreateAccountAsync()).Id, -1m);
        var client = limited.ClientFrom(NewAddress());
        client.DefaultRequestHeaders.Authorization = owner.DefaultRequestHeaders.Authorization;
        for (var i = 0; i < UploadsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.UploadReceiptAsync(transaction.Id, ReceiptSamples.Png())).StatusCode);
        }

        var refused = await client.UploadReceiptAsync(transaction.Id, ReceiptSamples.Png());

        var problem = await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("receipt uploads", problem.Detail);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(UploadsPerMinute, (await owner.ListReceiptsAsync(transaction.Id)).Count);
    }

    private static string NewEmail() => $"limits-{Guid.NewGuid():N}@example.com";

    private static string NewAddress() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    /// <summary>An Api replica on the shared servers with low limits, listening on loopback.</summary>
    public sealed class LowLimitApi : IAsyncLifetime
    {
        private ApiFactory? factory;

        public async ValueTask InitializeAsync()
        {
            factory = new ApiFactory(await TestApp.SharedAsync(), settings: new Dictionary<string, string>
            {
                ["RateLimits:SignInPerMinute"] = SignInPerMinute.ToString(),
                ["RateLimits:AccountAttempts"] = AccountAttempts.ToString(),
                ["RateLimits:UploadsPerMinute"] = UploadsPerMinute.ToString(),
                ["RateLimits:OtherAuthPerMinute"] = OtherAuthPerMinute.ToString(),
            });
            factory.UseKestrel(0);
            factory.StartServer();
        }

        public HttpClient ClientFrom(string address)
        {
            var client = factory!.CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            if (factory is not null) await factory.DisposeAsync();
        }
    }
}
