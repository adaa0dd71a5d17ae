namespace ZealthyEmr.Domain.Scheduling;

/// <summary>How often a prescription is refilled. Values are persisted, so never renumber them.</summary>
public enum RefillSchedule
{
    Weekly = 0,
    Monthly = 1,
}
