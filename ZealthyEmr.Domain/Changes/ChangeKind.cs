namespace ZealthyEmr.Domain.Changes;

public enum ChangeKind
{
    Visits,
    Patients,
    Providers,
    Medications,
    Prescriptions,
}
