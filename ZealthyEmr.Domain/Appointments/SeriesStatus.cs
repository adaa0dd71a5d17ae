namespace ZealthyEmr.Domain.Appointments;

public enum SeriesStatus
{
    Active = 0,
    Ended = 1,
}
