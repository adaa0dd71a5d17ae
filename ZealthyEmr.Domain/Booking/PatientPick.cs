namespace ZealthyEmr.Domain.Booking;

/// <summary>A patient as a picker shows them.</summary>
public sealed record PatientPick(Guid Id, string Name, string Email);
