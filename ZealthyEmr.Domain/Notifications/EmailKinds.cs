namespace ZealthyEmr.Domain.Notifications;

/// <summary>The kind stored on each outbox row: what the admin page filters by and what preferences apply to.</summary>
public static class EmailKinds
{
    public const string VisitBooked = "VisitBooked";
    public const string VisitMoved = "VisitMoved";
    public const string VisitCancelled = "VisitCancelled";
    public const string SeriesScheduled = "SeriesScheduled";
    public const string SeriesChanged = "SeriesChanged";
    public const string PrescriptionCreated = "PrescriptionCreated";
    public const string VisitReminder = "VisitReminder";
    public const string RefillReminder = "RefillReminder";
    public const string PasswordReset = "PasswordReset";
    public const string AccountLockedOut = "AccountLockedOut";
    public const string NewDeviceSignIn = "NewDeviceSignIn";

    /// <summary>Kinds a patient can switch off and that carry an unsubscribe link; account security mail is never optional.</summary>
    public static bool IsPatientMail(string kind) => kind is VisitBooked or VisitMoved or VisitCancelled or SeriesScheduled or SeriesChanged
        or PrescriptionCreated or VisitReminder or RefillReminder;
}
