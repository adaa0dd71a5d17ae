namespace ZealthyEmr.Domain.Audit;

/// <summary>
/// The actor of the current unit of work. The web layer fills it per HTTP request and per circuit activity;
/// outside those it is <see cref="AuditActor.System"/>. It flows with the async call, not with a DI scope,
/// because the domain services, the pooled contexts and the save interceptor are singletons.
/// </summary>
public interface IAuditContext
{
    AuditActor Current { get; }

    /// <summary>Makes <paramref name="actor"/> current until the returned handle is disposed.</summary>
    IDisposable Begin(AuditActor actor);
}
