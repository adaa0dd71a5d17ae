using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>HIPAA keeps compliance documentation six years (164.316(b)(2)); nothing may remove a younger row.</summary>
    [Range(6, 100)]
    public int RetentionYears { get; set; } = 6;

    /// <summary>How long buffered reads wait before they are written; at most a second, so the trail is never far behind.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:01")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);
}
