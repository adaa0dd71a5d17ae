namespace ZealthyEmr.Domain.Booking;

internal enum LockState
{
    Acquired,
    Busy,
    Unavailable,
}
