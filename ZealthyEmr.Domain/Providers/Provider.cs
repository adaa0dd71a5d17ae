using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Providers;

public sealed class Provider : AuditedEntity
{
    public required string Name { get; set; }

    public required string Specialty { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>At most one entry per weekday; a weekday without an entry is a day off.</summary>
    public List<WorkingHours> WorkingHours { get; set; } = [];

    public WorkingHours? HoursOn(DayOfWeek day) => WorkingHours.FirstOrDefault(h => h.Day == day);
}
