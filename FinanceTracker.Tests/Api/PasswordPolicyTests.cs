using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>At least 12 characters, no character-class rules, never a common password (with or without digits around it).</summary>
public sealed class PasswordPolicyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("password123456", "common")]
    [InlineData("1QAZ2WSX3EDC", "common")]
    [InlineData("Password2024!!", "common")]
    [InlineData("Sh0rt-pass!", "12 characters")]
    public async Task AShortOrCommonPasswordIsRefusedNamingPassword(string password, string explanation)
    {
        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/register", new { email = NewEmail(), password });

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "password");
        Assert.Contains(problem.Errors!["password"], message => message.Contains(explanation, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("violet tractor swims at dawn")]
    [InlineData("correcthorsebatterystaple")]
    [InlineData(ApiFixture.Password)]
    public async Task ALongPassphraseIsWelcomeWithoutDigitsOrSymbols(string password)
    {
        var client = api.AnonymousClient();
        var email = NewEmail();

        var register = await client.PostAsJsonAsync("/api/auth/register", new { email, password });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });

        Assert.Equal(HttpStatusCode.OK, register.StatusCode);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }

    private static string NewEmail() => $"policy-{Guid.NewGuid():N}@example.com";
}
