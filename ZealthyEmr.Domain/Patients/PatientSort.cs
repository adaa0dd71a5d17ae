namespace ZealthyEmr.Domain.Patients;

public enum PatientSort
{
    Name,
    Email,
    CreatedUtc,
}
