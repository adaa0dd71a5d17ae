namespace ZealthyEmr.Domain.Changes;

internal sealed class LocalChangePublisher(ChangeFeed feed) : IChangePublisher
{
    public Task PublishAsync(EmrChange change, CancellationToken ct = default)
    {
        feed.Raise(change);
        return Task.CompletedTask;
    }
}
