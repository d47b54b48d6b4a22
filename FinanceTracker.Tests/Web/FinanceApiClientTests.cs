using System.Net;
using FinanceTracker.Web.Api;

namespace FinanceTracker.Tests.Web;

public sealed class FinanceApiClientTests
{
    private readonly FakeApi _api = new();

    [Fact]
    public async Task TurnsAValidationProblemIntoFieldErrors()
    {
        _api.On(HttpMethod.Post, "/api/auth/register", _ => FakeApi.Problem(HttpStatusCode.BadRequest,
            "One or more validation errors occurred.", errors: new() { ["password"] = ["Passwords must be at least 8 characters."] }));

        var error = await Assert.ThrowsAsync<ApiException>(() => _api.Client.RegisterAsync(new("a@example.com", "short")));

        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal(["Passwords must be at least 8 characters."], error.FieldErrors["password"]);
    }

    [Fact]
    public async Task AWrongPasswordIsAnUnauthorizedProblem()
    {
        _api.On(HttpMethod.Post, "/api/auth/login", _ => FakeApi.Problem(HttpStatusCode.Unauthorized, "Unauthorized", "Failed"));

        var error = await Assert.ThrowsAsync<ApiException>(() => _api.Client.LoginAsync(new("a@example.com", "nope")));

        Assert.True(error.IsUnauthorized);
        Assert.Equal("Failed", error.Detail);
    }

    [Fact]
    public async Task AnUnreachableApiIsReportedAsUnavailable()
    {
        _api.On(HttpMethod.Get, "/api/accounts", _ => throw new HttpRequestException("Connection refused"));

        await Assert.ThrowsAsync<ApiUnavailableException>(() => _api.Client.GetAccountsAsync());
    }

    [Fact]
    public async Task ABadGatewayIsReportedAsUnavailable()
    {
        _api.On(HttpMethod.Get, "/api/accounts", HttpStatusCode.BadGateway);

        await Assert.ThrowsAsync<ApiUnavailableException>(() => _api.Client.GetAccountsAsync());
    }

    [Fact]
    public async Task ReadsAccountsWithLowercaseEnumStrings()
    {
        _api.On(HttpMethod.Get, "/api/accounts", _ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(
                """[{"id":1,"name":"Checking","type":"checking","currency":"EUR","openingBalance":1000.00,"balance":957.90,"archived":false}]""",
                System.Text.Encoding.UTF8, "application/json"),
        });

        var accounts = await _api.Client.GetAccountsAsync();

        Assert.Equal(new Account(1, "Checking", AccountType.Checking, "EUR", 1000m, 957.90m, false), accounts.Single());
    }

    [Fact]
    public async Task SendsFiltersAndTheCursorAsQueryParameters()
    {
        _api.On(HttpMethod.Get, "/api/transactions", HttpStatusCode.OK, new TransactionPage([], 0, [], null));

        await _api.Client.GetTransactionsAsync(new TransactionQuery
        {
            AccountId = 3, From = new DateOnly(2026, 11, 1), To = new DateOnly(2026, 11, 30),
            Q = "coffee & cake", MinAmount = 0, PageSize = 50, Cursor = "abc=",
        });

        Assert.Equal("/api/transactions?accountId=3&from=2026-11-01&to=2026-11-30&q=coffee%20%26%20cake&minAmount=0&pageSize=50&cursor=abc%3D",
            _api.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task WritesRequestsInTheApisJsonShape()
    {
        _api.On(HttpMethod.Post, "/api/accounts", HttpStatusCode.Created,
            new Account(5, "Wallet", AccountType.Cash, "JPY", 0, 0, false));

        await _api.Client.CreateAccountAsync(new CreateAccountRequest("Wallet", AccountType.Cash, "JPY", 0));

        Assert.Equal("""{"name":"Wallet","type":"cash","currency":"JPY","openingBalance":0}""", _api.Requests.Single().Body);
    }
}
