using System.Net;
using System.Net.Http.Json;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>Identity's endpoints answer a missing or oversized field with 400 naming it, never 500.</summary>
public sealed class IdentityInputTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, string> MissingFields => new()
    {
        { "/api/auth/register", """{"email":null,"password":"Corr3ct-Horse!"}""", "email" },
        { "/api/auth/register", """{"email":"someone@example.com","password":null}""", "password" },
        { "/api/auth/register", """{"email":"","password":"Corr3ct-Horse!"}""", "email" },
        { "/api/auth/login", """{"email":null,"password":"Corr3ct-Horse!"}""", "email" },
        { "/api/auth/login", """{"email":"someone@example.com","password":null}""", "password" },
        { "/api/auth/forgotPassword", """{"email":null}""", "email" },
        { "/api/auth/resetPassword", """{"email":"someone@example.com","resetCode":null,"newPassword":"Corr3ct-Horse!"}""", "resetCode" },
        { "/api/auth/refresh", """{"refreshToken":null}""", "refreshToken" },
    };

    [Theory]
    [MemberData(nameof(MissingFields))]
    public async Task AMissingFieldIs400NamingIt(string path, string body, string field)
    {
        var response = await api.AnonymousClient().PostAsync(path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task AnEmailLongerThanItsColumnIs400AndNoAccountIsMade()
    {
        var email = new string('a', 300) + "@example.com";

        var response = await api.AnonymousClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiFixture.Password });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        Assert.Equal(0, await api.Database.ScalarAsync<long>("SELECT COUNT(*) FROM users WHERE email = @email", ("@email", email)));
    }
}
