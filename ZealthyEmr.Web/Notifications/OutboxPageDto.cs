namespace ZealthyEmr.Web.Notifications;

public sealed record OutboxPageDto(IReadOnlyList<OutboxMessageDto> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Counts);
