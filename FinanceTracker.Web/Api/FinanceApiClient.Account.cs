using System.Net.Http.Headers;

namespace FinanceTracker.Web.Api;

public sealed partial class FinanceApiClient
{
    /// <summary>Signs in; <c>ForwardedClientHandler</c> sends the browser's User-Agent and address along for the session list.</summary>
    public Task<TokenResponse> LoginAsync(LoginRequest login, CancellationToken ct = default) =>
        SendAsync<TokenResponse>(Json(HttpMethod.Post, "api/auth/login", login), ct);

    /// <summary>Ends the session the token belongs to; its access and refresh tokens stop working at once.</summary>
    public Task LogoutAsync(string accessToken, CancellationToken ct = default) =>
        SendAsync(WithToken(new(HttpMethod.Post, "api/auth/logout"), accessToken), ct);

    public Task ChangePasswordAsync(ChangePasswordRequest change, CancellationToken ct = default) =>
        SendAsync(Json(HttpMethod.Post, "api/auth/manage/info", change), ct);

    /// <summary>Reads the two-factor state (an empty request changes nothing) or changes it.</summary>
    public Task<TwoFactorStatus> TwoFactorAsync(TwoFactorRequest? change = null, CancellationToken ct = default) =>
        SendAsync<TwoFactorStatus>(Json(HttpMethod.Post, "api/auth/manage/2fa", change ?? new TwoFactorRequest()), ct);

    public Task<IReadOnlyList<Session>> GetSessionsAsync(CancellationToken ct = default) =>
        SendAsync<IReadOnlyList<Session>>(new(HttpMethod.Get, "api/auth/sessions"), ct);

    public Task EndSessionAsync(string id, CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Delete, $"api/auth/sessions/{Uri.EscapeDataString(id)}"), ct);

    public Task EndOtherSessionsAsync(CancellationToken ct = default) =>
        SendAsync(new(HttpMethod.Post, "api/auth/sessions/end-others"), ct);

    public Task DeleteMyAccountAsync(DeleteAccountRequest request, CancellationToken ct = default) =>
        SendAsync(Json(HttpMethod.Post, "api/auth/manage/delete-account", request), ct);

    public Task ForgotPasswordAsync(string email, CancellationToken ct = default) =>
        SendAsync(Json(HttpMethod.Post, "api/auth/forgotPassword", new ForgotPasswordRequest(email)), ct);

    public Task ResetPasswordAsync(ResetPasswordRequest reset, CancellationToken ct = default) =>
        SendAsync(Json(HttpMethod.Post, "api/auth/resetPassword", reset), ct);

    private static HttpRequestMessage WithToken(HttpRequestMessage request, string? accessToken)
    {
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
        return request;
    }
}
