namespace ZealthyEmr.Domain.Audit;

/// <summary><see cref="IAuditContext"/> over an <see cref="AsyncLocal{T}"/>, so every await below a request or circuit event sees its actor.</summary>
internal sealed class AmbientAuditContext : IAuditContext
{
    private static readonly AsyncLocal<AuditActor?> CurrentActor = new();

    public AuditActor Current => CurrentActor.Value ?? AuditActor.System;

    public IDisposable Begin(AuditActor actor)
    {
        var previous = CurrentActor.Value;
        CurrentActor.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(AuditActor? previous) : IDisposable
    {
        public void Dispose() => CurrentActor.Value = previous;
    }
}
