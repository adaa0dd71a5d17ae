namespace ZealthyEmr.Domain.Notifications;

internal enum VisitChangeKind
{
    Added,
    Moved,
    Cancelled,
}
