using Microsoft.AspNetCore.Identity;

namespace FinanceTracker.Api.Auth.Email;

public static class EmailServiceExtensions
{
    /// <summary>Account emails through SMTP (<c>Email:Smtp:*</c>), or into the log in Development or without an SMTP host.</summary>
    public static IHostApplicationBuilder AddAccountEmails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);
        var smtpHost = builder.Configuration[$"{EmailOptions.Section}:Smtp:Host"];
        if (builder.Environment.IsDevelopment() || string.IsNullOrWhiteSpace(smtpHost))
        {
            builder.Services.AddSingleton<IEmailTransport, LoggingEmailTransport>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailTransport, SmtpEmailTransport>();
        }
        builder.Services.AddSingleton<EmailOutbox>();
        builder.Services.AddHostedService<EmailDelivery>();
        builder.Services.AddSingleton<AccountEmails>();
        builder.Services.AddSingleton<IEmailSender<AppUser>>(services => services.GetRequiredService<AccountEmails>());
        return builder;
    }
}
