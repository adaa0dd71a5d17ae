namespace ZealthyEmr.Domain.Booking;

public sealed record ProviderDay(Guid ProviderId, string ProviderName, string Specialty, IReadOnlyList<BoardSlot> Slots);
