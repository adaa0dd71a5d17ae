namespace ZealthyEmr.Domain.Notifications;

public sealed record OutboxPage(IReadOnlyList<OutboxRow> Rows, int Total, IReadOnlyDictionary<OutboxStatus, int> Counts);
