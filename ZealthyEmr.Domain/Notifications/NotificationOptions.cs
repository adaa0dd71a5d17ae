using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Notifications;

public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Hours before a visit that its reminder goes out.</summary>
    [Range(1, 336)]
    public int VisitReminderLeadHours { get; set; } = 24;

    /// <summary>Days before a refill date that its reminder goes out.</summary>
    [Range(0, 60)]
    public int RefillReminderLeadDays { get; set; } = 2;

    /// <summary>Clinic-time window with no reminders, as <c>HH:mm-HH:mm</c> (may wrap midnight); empty for none.</summary>
    public string QuietHours { get; set; } = "21:00-08:00";

    /// <summary>How often each instance looks for reminders that are due.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an unsubscribe link in an email keeps working.</summary>
    [Range(1, 365)]
    public int UnsubscribeLinkDays { get; set; } = 60;
}
