using System.ComponentModel.DataAnnotations;

namespace FinanceTracker.Api.Auth.Email;

/// <summary>
/// <c>Email:Smtp:*</c>: the SMTP server account emails go through. Without a host (and always in Development)
/// they are written to the log instead.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender, e.g. <c>FinanceTracker &lt;no-reply@example.com&gt;</c>.</summary>
    public string From { get; set; } = "FinanceTracker <no-reply@localhost>";

    /// <summary>TLS: implicit on port 465, STARTTLS (required) on any other port. Off only for a local relay.</summary>
    public bool EnableSsl { get; set; } = true;
}

/// <summary><c>Web:PublicUrl</c>: where people reach the Web, for the links in emails.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    public string? PublicUrl { get; set; }
}
