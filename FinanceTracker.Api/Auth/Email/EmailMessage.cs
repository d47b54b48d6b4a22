namespace FinanceTracker.Api.Auth.Email;

/// <summary>A plain-text email; <see cref="Summary"/> is the one line the log keeps of it (with its link, if any).</summary>
public sealed record EmailMessage(string To, string Subject, string Body, string Summary);

public interface IEmailTransport
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
