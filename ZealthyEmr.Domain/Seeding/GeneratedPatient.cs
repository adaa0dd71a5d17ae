using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Seeding;

/// <summary><see cref="Repeat"/> is null for a patient generated without a series.</summary>
public sealed record GeneratedPatient(Guid Id, string Email, Guid ProviderId, RepeatKind? Repeat);
