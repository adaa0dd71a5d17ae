namespace ZealthyEmr.Domain.Appointments;

/// <summary>Who cancels a visit and why (optional, up to 500 characters).</summary>
public sealed record VisitCancellation(string By, string? Reason);
