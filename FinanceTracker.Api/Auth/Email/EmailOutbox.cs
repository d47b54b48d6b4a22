using System.Threading.Channels;

namespace FinanceTracker.Api.Auth.Email;

/// <summary>
/// Emails leave after the response: an SMTP round trip inside "forgot password" would tell, by its time, which
/// addresses have an account. Kept in memory: an email queued when the process dies is lost (the person asks again).
/// </summary>
public sealed class EmailOutbox(ILogger<EmailOutbox> logger)
{
    private readonly Channel<EmailMessage> queue = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Enqueue(EmailMessage message)
    {
        if (!queue.Writer.TryWrite(message))
        {
            logger.LogWarning("The email queue is full; an email to {To} was dropped.", message.To);
        }
    }

    internal ChannelReader<EmailMessage> Reader => queue.Reader;
}

/// <summary>Delivers queued emails one at a time; a failure is logged and the next email goes on.</summary>
internal sealed class EmailDelivery(EmailOutbox outbox, IEmailTransport transport, ILogger<EmailDelivery> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await transport.SendAsync(message, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Sending an email to {To} ({Subject}) failed.", message.To, message.Subject);
            }
        }
    }
}
