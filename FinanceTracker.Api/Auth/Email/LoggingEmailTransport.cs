namespace FinanceTracker.Api.Auth.Email;

/// <summary>Development, or no SMTP server configured: the email is written to the log, links included.</summary>
internal sealed class LoggingEmailTransport(ILogger<LoggingEmailTransport> logger) : IEmailTransport
{
    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Summary}", message.Summary);
        return Task.CompletedTask;
    }
}
