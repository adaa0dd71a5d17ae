namespace ZealthyEmr.Domain.Appointments;

public enum VisitStatus
{
    Scheduled = 0,
    Completed = 1,
    Cancelled = 2,
}
