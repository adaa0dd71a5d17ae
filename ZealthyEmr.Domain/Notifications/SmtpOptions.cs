using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Notifications;

public sealed class SmtpOptions
{
    /// <summary>Empty (the default): no mail server; messages are written as .eml files instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Upgrade the connection with STARTTLS when the server offers it; off only for a local relay.</summary>
    public bool UseStartTls { get; set; } = true;
}
