using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FinanceTracker.Api.Auth.Email;

/// <summary>
/// The emails Identity's endpoints send, and ours, with links to the Web (<c>Web:PublicUrl</c>): the Api is not
/// reachable from outside. Identity hands links and codes over HTML-encoded; they are decoded before use.
/// </summary>
public sealed class AccountEmails(EmailOutbox outbox, IOptions<WebOptions> web) : IEmailSender<AppUser>
{
    private string WebUrl(string pathAndQuery) => (web.Value.PublicUrl ?? "").TrimEnd('/') + pathAndQuery;

    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        // Identity's link points at the Api's confirmEmail endpoint; the Web's page of the same name forwards its query.
        var query = new Uri(WebUtility.HtmlDecode(confirmationLink)).Query;
        var url = WebUrl("/account/confirm-email" + query);
        outbox.Enqueue(new EmailMessage(email, "Welcome to FinanceTracker: confirm your email address",
            $"""
            Welcome to FinanceTracker.

            Confirm that this address is yours by opening this link:
            {url}

            If you did not create an account, ignore this email.
            """,
            $"Email confirmation link for {email}: {url}"));
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        var code = WebUtility.HtmlDecode(resetCode);
        var url = WebUrl($"/account/reset-password?email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(code)}");
        return SendPasswordResetLinkAsync(user, email, url);
    }

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
    {
        var url = WebUtility.HtmlDecode(resetLink);
        outbox.Enqueue(new EmailMessage(email, "Reset your FinanceTracker password",
            $"""
            Someone (hopefully you) asked to reset the password of your FinanceTracker account.

            Choose a new password here (the link works once, for a limited time):
            {url}

            If it was not you, ignore this email: your password stays as it is.
            """,
            $"Password reset link for {email}: {url}"));
        return Task.CompletedTask;
    }

    /// <summary>Sent instead of a welcome when someone signs up with an address that already has an account.</summary>
    public Task SendRegistrationAttemptAsync(AppUser user, string email)
    {
        var url = WebUrl("/account/forgot-password");
        outbox.Enqueue(new EmailMessage(email, "Someone tried to register with your address",
            $"""
            Someone tried to create a FinanceTracker account with this email address, which already has one.

            If it was you, sign in with your password; if you forgot it, reset it here:
            {url}

            If it was not you, you can ignore this email: nothing was changed.
            """,
            $"Registration attempt notice for {email}: {url}"));
        return Task.CompletedTask;
    }
}
