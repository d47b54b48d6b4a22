using System.Net;
using System.Net.Http.Json;

namespace FinanceTracker.Web.Api;

/// <summary>
/// The Web's only way to the Api. Returns DTOs; failures become <see cref="ApiException"/>
/// (ProblemDetails with field errors) or <see cref="ApiUnavailableException"/> (Api unreachable).
/// The bearer token is attached by <see cref="Auth.BearerTokenHandler"/>.
/// </summary>
public sealed partial class FinanceApiClient(HttpClient http)
{
    // Auth
    public Task RegisterAsync(Credentials credentials, CancellationToken ct = default) =>
        SendAsync(Json(HttpMethod.Post, "api/auth/register", credentials), ct);

    public Task<TokenResponse> RefreshAsync(string refreshToken, CancellationToken ct = default) =>
        SendAsync<TokenResponse>(Json(HttpMethod.Post, "api/auth/refresh", new RefreshRequest(refreshToken)), ct);

    /// <summary>Reads the signed-in person; <paramref name="accessToken"/> is for the moment right after login.</summary>
    public Task<UserInfo> GetUserInfoAsync(string? accessToken = null, CancellationToken ct = default) =>
        SendAsync<UserInfo>(WithToken(new(HttpMethod.Get, "api/auth/manage/info"), accessToken), ct);

    // Accounts
    public Task<IReadOnlyList<Account>> GetAccountsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Account>>(new(HttpMethod.Get, "api/accounts"), ct);

    public Task<Account> CreateAccountAsync(CreateAccountRequest account, CancellationToken ct = default) =>
        SendAsync<Account>(Json(HttpMethod.Post, "api/accounts", account), ct);

    public Task<Account> UpdateAccountAsync(long id, UpdateAccountRequest account, CancellationToken ct = default) =>
        SendAsync<Account>(Json(HttpMethod.Put, $"api/accounts/{id}", account), ct);

    public Task DeleteAccountAsync(long id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/accounts/{id}"), ct);

    // Categories
    public Task<IReadOnlyList<Category>> GetCategoriesAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Category>>(new(HttpMethod.Get, "api/categories"), ct);

    public Task<Category> CreateCategoryAsync(CategoryRequest category, CancellationToken ct = default) =>
        SendAsync<Category>(Json(HttpMethod.Post, "api/categories", category), ct);

    public Task<Category> UpdateCategoryAsync(long id, CategoryRequest category, CancellationToken ct = default) =>
        SendAsync<Category>(Json(HttpMethod.Put, $"api/categories/{id}", category), ct);

    public Task<CategoryUsage> GetCategoryUsageAsync(long id, CancellationToken ct = default) =>
        SendAsync<CategoryUsage>(new(HttpMethod.Get, $"api/categories/{id}/usage"), ct);

    /// <summary>Deletes a category; its transactions move to <paramref name="reassignTo"/>, or to no category when <paramref name="uncategorise"/>.</summary>
    public Task DeleteCategoryAsync(long id, long? reassignTo = null, bool uncategorise = false, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/categories/{id}{(reassignTo is { } to ? $"?reassignTo={to}" : uncategorise ? "?uncategorise=true" : "")}"), ct);

    // Transactions
    public Task<TransactionPage> GetTransactionsAsync(TransactionQuery query, CancellationToken ct = default) =>
        SendAsync<TransactionPage>(new(HttpMethod.Get, "api/transactions" + TransactionQueryString.Build(query)), ct);

    /// <summary>The count and per-currency totals of every row the query's filters match (its cursor and page size play no part).</summary>
    public Task<TransactionTotals> GetTransactionTotalsAsync(TransactionQuery query, CancellationToken ct = default) =>
        SendAsync<TransactionTotals>(new(HttpMethod.Get, "api/transactions/totals" + TransactionQueryString.Build(query with { Cursor = null, PageSize = null, WithTotals = true })), ct);

    public Task<Transaction> GetTransactionAsync(long id, CancellationToken ct = default) =>
        SendAsync<Transaction>(new(HttpMethod.Get, $"api/transactions/{id}"), ct);

    public Task<Transaction> CreateTransactionAsync(CreateTransactionRequest transaction, CancellationToken ct = default) =>
        SendAsync<Transaction>(Json(HttpMethod.Post, "api/transactions", transaction), ct);

    public Task<Transaction> UpdateTransactionAsync(long id, UpdateTransactionRequest transaction, CancellationToken ct = default) =>
        SendAsync<Transaction>(Json(HttpMethod.Put, $"api/transactions/{id}", transaction), ct);

    public Task<TransferCreated> CreateTransferAsync(CreateTransferRequest transfer, CancellationToken ct = default) =>
        SendAsync<TransferCreated>(Json(HttpMethod.Post, "api/transfers", transfer), ct);

    public Task DeleteTransactionAsync(long id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/transactions/{id}"), ct);

    // Receipts (uploads and file bytes go through the Web's receipt proxy endpoints, not this client)
    public Task<IReadOnlyList<Receipt>> GetReceiptsAsync(long transactionId, CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Receipt>>(new(HttpMethod.Get, $"api/transactions/{transactionId}/receipts"), ct);

    public Task DeleteReceiptAsync(long id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/receipts/{id}"), ct);

    internal static HttpRequestMessage Json<T>(HttpMethod method, string uri, T body) =>
        new(method, uri) { Content = JsonContent.Create(body, options: ApiJson.Options) };

    internal async Task<T> SendAsync<T>(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await SendCoreAsync(request, ct);
        return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, ct)
            ?? throw new ApiUnavailableException("The service sent an empty answer.");
    }

    internal async Task SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using var response = await SendCoreAsync(request, ct);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException
            or Polly.CircuitBreaker.BrokenCircuitException or Polly.Timeout.TimeoutRejectedException
            || (e is TaskCanceledException && !ct.IsCancellationRequested))
        {
            throw new ApiUnavailableException("The FinanceTracker service can't be reached right now.", e);
        }
        finally
        {
            request.Dispose();
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            throw await ToExceptionAsync(response, ct);
        }
    }

    private static async Task<Exception> ToExceptionAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return new ApiUnavailableException("The FinanceTracker service is unavailable right now.");
        }
        ApiProblem? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<ApiProblem>(ApiJson.Options, ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not every failure (e.g. a bare 401 from the auth middleware) carries a problem body.
        }
        return new ApiException(
            response.StatusCode,
            problem?.Title ?? response.ReasonPhrase ?? response.StatusCode.ToString(),
            problem?.Detail,
            problem?.Errors ?? []);
    }
}
