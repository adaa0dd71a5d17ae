namespace ZealthyEmr.Web.Api.Legacy;

/// <summary>
/// <see cref="AvailableSlots"/> are clinic wall-clock times without an offset (<c>2026-12-01T10:00</c>), as the original
/// client shows and posts them back; <see cref="Slots"/> are the same instants with the clinic's offset.
/// </summary>
public sealed record OriginalAvailabilityDto(string Provider, Guid ProviderId, string Date, IReadOnlyList<string> AvailableSlots, IReadOnlyList<DateTimeOffset> Slots);
