using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Booking;

/// <summary>A visit as the front desk opens it from the board.</summary>
public sealed record BoardVisit(
    Guid VisitId,
    Guid PatientId,
    string PatientName,
    Guid ProviderId,
    string ProviderName,
    DateTime StartUtc,
    VisitStatus Status,
    string? Reason,
    Guid SeriesId,
    RepeatKind Repeat,
    string? CancelledBy,
    string? CancelReason);
