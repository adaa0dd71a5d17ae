namespace ZealthyEmr.Domain.Analytics;

/// <summary>A count for one bucket: a weekday (0 = Sunday) or an hour of the day (0..23), in clinic local time.</summary>
public sealed record BucketCount(int Bucket, string Label, int Count);
