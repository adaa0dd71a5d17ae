namespace ZealthyEmr.Domain.Booking;

/// <summary>A booked visit. <see cref="AlreadyBooked"/> is true when a repeated request found its own earlier booking.</summary>
public sealed record BookedVisit(Guid VisitId, Guid SeriesId, Guid PatientId, Guid ProviderId, string ProviderName, DateTime StartUtc, bool AlreadyBooked);
