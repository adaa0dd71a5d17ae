namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// A booked visit. <see cref="AlreadyBooked"/> is true when a repeated request found its own earlier booking;
/// <see cref="SeriesVersion"/> is the new one-visit series' concurrency token (empty when it was already booked).
/// </summary>
public sealed record BookedVisit(Guid VisitId, Guid SeriesId, Guid PatientId, Guid ProviderId, string ProviderName, DateTime StartUtc, bool AlreadyBooked, Guid SeriesVersion = default);
