using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Sessions;

/// <summary>Automatic logoff (HIPAA 164.312(a)(2)(iii)): the <c>Security</c> section.</summary>
public sealed class SessionLifetimeOptions
{
    public const string Section = "Security";

    /// <summary>With no user input for this long, the session ends.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A session ends this long after sign-in, however active.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "30.00:00:00")]
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often an open circuit re-checks its session and user; never more than a minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The warning shows this long before an idle logoff: a minute, or half the timeout when that is shorter.</summary>
    public TimeSpan WarningLead => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(60).Ticks, IdleTimeout.Ticks / 2));

    /// <summary>
    /// Activity is written at most this often per session (a thirtieth of the timeout, 1 to 30 seconds), so a busy
    /// user costs a few writes a minute while an idle logoff comes at most this much early.
    /// </summary>
    public TimeSpan ActivityGranularity =>
        TimeSpan.FromTicks(Math.Clamp(IdleTimeout.Ticks / 30, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));
}
