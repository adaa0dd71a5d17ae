namespace ZealthyEmr.Domain.Notifications;

/// <summary>A patient's email choices; a patient without a row gets everything (the defaults below).</summary>
public sealed class NotificationPreference
{
    public Guid PatientId { get; set; }

    /// <summary>Off: no email at all to this patient about visits, refills or prescriptions.</summary>
    public bool EmailEnabled { get; set; } = true;

    public bool VisitReminders { get; set; } = true;

    public bool RefillReminders { get; set; } = true;

    public DateTime UpdatedUtc { get; set; }
}
