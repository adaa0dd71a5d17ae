using ZealthyEmr.Domain.Common;

namespace ZealthyEmr.Domain.Medications;

public sealed class Medication : AuditedEntity
{
    public required string Name { get; set; }

    public string NormalizedName { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>The dosages it comes in, e.g. "5mg"; a prescription's dosage must be one of these.</summary>
    public List<string> Strengths { get; set; } = [];

    /// <summary>A retired medication cannot be prescribed, but prescriptions that name it keep it.</summary>
    public bool IsRetired { get; set; }
}
