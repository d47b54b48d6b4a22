using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Web;
using FinanceTracker.Tests.Infrastructure;

namespace FinanceTracker.Tests.Api;

/// <summary>
/// Nothing the auth endpoints answer tells whether an email has an account: the same status and body for unknown
/// emails as for known ones with a wrong password or code. (Their timing is measured by scripts/probe-auth-timing.)
/// </summary>
public sealed class AccountEnumerationTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string WrongPassword = "Not-the-password-1";

    [Fact]
    public async Task SignInToAnUnknownEmailAnswersExactlyLikeAWrongPassword()
    {
        var known = await KnownEmailAsync();
        var client = api.AnonymousClient();

        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { email = NewEmail(), password = WrongPassword });
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { email = known, password = WrongPassword });

        await AssertSameAnswerAsync(unknown, wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task ForgotPasswordAnswersAlikeAndEmailsOnlyTheOwner()
    {
        var known = await KnownEmailAsync();
        var stranger = NewEmail();
        var client = api.AnonymousClient();

        var unknown = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = stranger });
        var existing = await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email = known });

        await AssertSameAnswerAsync(unknown, existing);
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
        Assert.NotNull(await api.App.LinkAsync("Password reset link", known));
        Assert.False(await api.App.AnyEmailToAsync(stranger));
    }

    [Fact]
    public async Task ResetPasswordAnswersAlikeForAnUnknownEmailAndAWrongCode()
    {
        var known = await KnownEmailAsync();
        var client = api.AnonymousClient();
        const string code = "Q2ZESjhBTm90QVJlYWxDb2Rl";

        var unknown = await client.PostAsJsonAsync("/api/auth/resetPassword", new { email = NewEmail(), resetCode = code, newPassword = "A-brand-new-passphrase" });
        var wrong = await client.PostAsJsonAsync("/api/auth/resetPassword", new { email = known, resetCode = code, newPassword = "A-brand-new-passphrase" });

        await AssertSameAnswerAsync(unknown, wrong);
        await wrong.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
    }

    [Fact]
    public async Task AForgottenPasswordIsResetOnceThroughTheEmailedLinkToTheWeb()
    {
        var email = NewEmail();
        var signedInElsewhere = await api.NewUserClientAsync(email);
        var client = api.AnonymousClient();
        const string newPassword = "A-brand-new-passphrase";

        await client.PostAsJsonAsync("/api/auth/forgotPassword", new { email });
        var link = await api.App.LinkAsync("Password reset link", email);

        Assert.NotNull(link);
        Assert.Equal(new Uri(api.App.WebAddress, "/account/reset-password").ToString(), link.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal(email, query["email"]);
        var reset = new { email, resetCode = query["code"], newPassword };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/resetPassword", reset)).StatusCode);
        // Whoever knew the old password is signed out everywhere with it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedInElsewhere.GetAsync("/api/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = newPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiFixture.Password })).StatusCode);
        var again = await client.PostAsJsonAsync("/api/auth/resetPassword", reset with { newPassword = "Yet-another-passphrase" });
        await again.AssertProblemAsync(HttpStatusCode.BadRequest, "code");
    }

    private async Task<string> KnownEmailAsync()
    {
        var email = NewEmail();
        await api.NewUserClientAsync(email);
        return email;
    }

    private static string NewEmail() => $"enum-{Guid.NewGuid():N}@example.com";

    /// <summary>Same status, content type and body, but for the trace id every answer carries.</summary>
    private static async Task AssertSameAnswerAsync(HttpResponseMessage a, HttpResponseMessage b)
    {
        Assert.Equal(a.StatusCode, b.StatusCode);
        Assert.Equal(a.Content.Headers.ContentType?.ToString(), b.Content.Headers.ContentType?.ToString());
        Assert.Equal(await BodyAsync(a), await BodyAsync(b));
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || JsonNode.Parse(text) is not JsonObject json) return text;
        json.Remove("traceId");
        return json.ToJsonString();
    }
}
