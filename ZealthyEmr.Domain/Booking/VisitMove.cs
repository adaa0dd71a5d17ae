namespace ZealthyEmr.Domain.Booking;

/// <summary>
/// Move <see cref="VisitId"/> to <see cref="NewStartUtc"/> with <see cref="ProviderId"/>. With
/// <see cref="AsPatientId"/> only that patient's own visit moves, within the patient booking horizon.
/// </summary>
public sealed record VisitMove(Guid VisitId, Guid ProviderId, DateTime NewStartUtc, Guid? AsPatientId = null);
