namespace ZealthyEmr.Bench;

/// <summary>
/// Workloads 4 and 5: uncontended bookings one at a time and concurrently, and the 100-client race for 10 slots;
/// <paramref name="RaceUnanswered"/> is how many race requests had no answer within the client's timeout.
/// </summary>
public sealed record BookingResult(Latencies Sequential, Latencies Concurrent, double RaceSeconds, int RaceClients, int RaceSlots, int RaceCreated, int RaceConflicts, int RaceVisitsInDatabase, int RaceUnanswered = 0);
