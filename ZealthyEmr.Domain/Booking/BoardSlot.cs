namespace ZealthyEmr.Domain.Booking;

/// <summary>One slot of the schedule board; <see cref="PatientName"/> is null when the slot is free.</summary>
public sealed record BoardSlot(DateTime StartUtc, Guid? VisitId, Guid? PatientId, string? PatientName);
