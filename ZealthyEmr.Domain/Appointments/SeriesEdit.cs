namespace ZealthyEmr.Domain.Appointments;

/// <summary>The parts of a series that can change after it is created; a new time is a new series.</summary>
public sealed record SeriesEdit(string? Notes, DateOnly? EndDate);
