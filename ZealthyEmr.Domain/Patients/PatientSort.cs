namespace ZealthyEmr.Domain.Patients;

public enum PatientSort
{
    /// <summary>Family name, then given names (<see cref="Patient.SortName"/>).</summary>
    Name,
    Email,
    CreatedUtc,
}
