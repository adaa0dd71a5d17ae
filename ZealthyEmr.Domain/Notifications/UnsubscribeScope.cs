namespace ZealthyEmr.Domain.Notifications;

/// <summary>What an unsubscribe link turns off; values are inside signed tokens already sent, so never renumber them.</summary>
public enum UnsubscribeScope
{
    AllEmail = 0,
    VisitReminders = 1,
    RefillReminders = 2,
}
