namespace ZealthyEmr.Web.Api.Providers;

/// <summary>Free slots in clinic local time with the offset; post one back to book exactly that slot.</summary>
public sealed record AvailabilityDto(Guid ProviderId, DateOnly Date, IReadOnlyList<DateTimeOffset> Slots);
