using System.Threading.Channels;

namespace ZealthyEmr.Domain.Audit;

/// <summary>Reads waiting for <see cref="AuditWriter"/>. Unbounded on purpose: dropping a read event would be a gap in the trail.</summary>
internal sealed class AuditBuffer
{
    private readonly Channel<AuditEvent> channel = Channel.CreateUnbounded<AuditEvent>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<AuditEvent> Reader => channel.Reader;

    public void Add(AuditEvent row) => channel.Writer.TryWrite(row);
}
