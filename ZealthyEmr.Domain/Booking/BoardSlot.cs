using ZealthyEmr.Domain.Appointments;

namespace ZealthyEmr.Domain.Booking;

/// <summary>One slot of the schedule board; <see cref="VisitId"/> and the rest are null when the slot is free.</summary>
public sealed record BoardSlot(DateTime StartUtc, Guid? VisitId, Guid? PatientId, string? PatientName, VisitStatus? Status = null, string? Reason = null, bool Recurring = false)
{
    public bool IsFree => VisitId is null;
}
