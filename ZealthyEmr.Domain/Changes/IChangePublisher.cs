namespace ZealthyEmr.Domain.Changes;

/// <summary>Announces a committed change to every app instance (in-process, or over Redis pub/sub).</summary>
public interface IChangePublisher
{
    Task PublishAsync(EmrChange change, CancellationToken ct = default);
}
