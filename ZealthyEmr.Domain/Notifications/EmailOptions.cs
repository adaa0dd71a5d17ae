using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Notifications;

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender address; its domain also names every Message-ID.</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = "no-reply@zealthy-emr.local";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where .eml files go when no SMTP host is set; relative paths are under the content root.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "App_Data/mail";

    /// <summary>Delivery attempts before a message stays Failed for an admin to resend.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait after the first failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often an idle sender looks for due messages.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim holds a batch; must outlast sending one batch, or another instance may send it too.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
