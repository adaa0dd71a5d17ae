namespace ZealthyEmr.Domain.Notifications;

/// <summary>
/// Turns off change emails for the current async flow, for writes that are not real bookings (demo data, bulk
/// imports). Reminders for the resulting visits still go out when due.
/// </summary>
public static class NotificationSuppression
{
    private static readonly AsyncLocal<bool> Suppressed = new();

    public static bool IsActive => Suppressed.Value;

    public static IDisposable Begin()
    {
        var previous = Suppressed.Value;
        Suppressed.Value = true;
        return new Scope(previous);
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => Suppressed.Value = previous;
    }
}
