namespace ZealthyEmr.Domain.Audit;

/// <summary>How the actor reached the data: the Blazor portal, the JSON API, or work the server did on its own.</summary>
public enum AuditChannel
{
    Portal,
    Api,
    Background,
}
