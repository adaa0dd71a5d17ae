using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Identity;

namespace ZealthyEmr.Domain.Patients;

public sealed class Patient : AuditedEntity
{
    private string name = "";

    /// <summary>Setting the name sets <see cref="SortName"/> too, so no writer can store one without the other (EF reads the field).</summary>
    public required string Name
    {
        get => name;
        set
        {
            name = value;
            SortName = PatientNames.SortKey(value);
        }
    }

    /// <summary>The name as the patient list sorts it: family name, then given names (see <see cref="PatientNames.SortKey"/>).</summary>
    public string SortName { get; private set; } = "";

    public required string Email { get; set; }

    /// <summary>Upper-invariant copy of <see cref="Email"/>: the unique, case-insensitive index and search key on every provider.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string NormalizedName { get; set; } = "";

    public DateOnly? DateOfBirth { get; set; }

    public string? Phone { get; set; }

    public required string UserId { get; set; }

    /// <summary>Set when an admin "deletes" the patient: the record and its history stay, hidden and unable to sign in, until restored or purged.</summary>
    public DateTime? ArchivedUtc { get; set; }

    public EmrUser? User { get; set; }
}
