using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Seeding;

/// <summary>What <see cref="ClinicGenerator"/> writes. Several runs can fill one database when each has its own <see cref="EmailPrefix"/>.</summary>
public sealed record ClinicGeneratorOptions
{
    [Range(1, 10_000_000)]
    public int Patients { get; init; } = 100_000;

    /// <summary>At most 120, so every provider's weekly and monthly series fit on distinct slots.</summary>
    [Range(3, 120)]
    public int PatientsPerProvider { get; init; } = 100;

    /// <summary>The last this-many patients get no series, so a test or bench has patients whose whole calendar is free.</summary>
    [Range(0, 10_000_000)]
    public int UnscheduledPatients { get; init; }

    /// <summary>How far ahead recurring visits are written as rows; a quarter keeps generation fast.</summary>
    [Range(1, 36)]
    public int MaterializedMonths { get; init; } = 3;

    [Required]
    public string EmailPrefix { get; init; } = "patient";

    /// <summary>One ASP.NET Identity hash shared by every generated login (hashing per user would dominate the run); null means no password.</summary>
    public string? PasswordHash { get; init; }
}
