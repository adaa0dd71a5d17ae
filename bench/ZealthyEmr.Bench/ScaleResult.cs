namespace ZealthyEmr.Bench;

/// <summary>Workloads 1-3, the search variants and the HTTP floor with the clinic at <see cref="Patients"/> generated patients.</summary>
public sealed record ScaleResult(int Patients, double GenerateSeconds, int Visits, long AppWorkingSetMb, Latencies HttpFloor, Latencies Dashboard, Latencies AdminSearch, Latencies Availability,
    IReadOnlyList<Latencies> Searches);
