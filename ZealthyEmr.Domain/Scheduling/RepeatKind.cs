namespace ZealthyEmr.Domain.Scheduling;

/// <summary>How an appointment series repeats. Values are persisted, so never renumber them.</summary>
public enum RepeatKind
{
    None = 0,
    Weekly = 1,
    Monthly = 2,
}
