namespace ZealthyEmr.Domain.Notifications;

/// <summary>One visit as an email and its calendar attachment describe it.</summary>
public sealed record VisitEvent(Guid VisitId, DateTime StartUtc, string ProviderName, bool Cancelled, int Sequence)
{
    /// <summary>The same UID as the portal's .ics download, so every source updates one calendar event.</summary>
    public string Uid => $"{VisitId}@zealthy-emr";
}
