namespace ZealthyEmr.Domain.Booking;

/// <summary>A free slot of one provider.</summary>
public sealed record OpenSlot(Guid ProviderId, string ProviderName, string Specialty, DateTime StartUtc);
