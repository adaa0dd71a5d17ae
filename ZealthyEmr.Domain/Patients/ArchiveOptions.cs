using System.ComponentModel.DataAnnotations;

namespace ZealthyEmr.Domain.Patients;

/// <summary>How long an archived patient is kept before an admin may purge them (section <c>Audit</c>).</summary>
public sealed class ArchiveOptions
{
    public const string Section = "Audit";

    /// <summary>HIPAA asks for six years of documentation; a shorter setting is refused at start.</summary>
    [Range(6, 100)]
    public int PurgeArchivedAfterYears { get; set; } = 6;
}
