using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Booking;

/// <summary>The pure checks a requested slot must pass before any lock or transaction.</summary>
public static class BookingRules
{
    public const string StartField = "datetime";
    public const string ProviderField = "providerId";

    public static DomainError? Validate(Provider provider, DateTime startUtc, ClinicCalendar calendar) =>
        Validate(provider, startUtc, calendar, enforceBookingHorizon: true);

    /// <summary>
    /// Staff scheduling passes <paramref name="enforceBookingHorizon"/> false: the booking horizon limits how far
    /// ahead patients may book themselves, not how far ahead the clinic may plan.
    /// </summary>
    public static DomainError? Validate(Provider provider, DateTime startUtc, ClinicCalendar calendar, bool enforceBookingHorizon)
    {
        if (!provider.IsActive)
        {
            return DomainError.Validation(ProviderField, $"{provider.Name} is not taking new bookings.");
        }

        if (startUtc <= calendar.UtcNow)
        {
            return DomainError.Validation(StartField, "That time has already passed. Pick a later time.");
        }

        var local = calendar.ToLocal(startUtc);
        if (!calendar.IsOnSlotGrid(local))
        {
            return DomainError.Validation(StartField, $"Visits start on the {calendar.Slot.TotalMinutes:0}-minute grid, for example 09:00 or 09:30.");
        }

        var lastDay = calendar.Today.AddMonths(calendar.BookingHorizonMonths);
        if (enforceBookingHorizon && DateOnly.FromDateTime(local) > lastDay)
        {
            return DomainError.Validation(StartField, $"Visits can be booked up to {calendar.BookingHorizonMonths} months ahead, until {lastDay:MMMM d, yyyy}.");
        }

        return OutsideHours(provider, local, calendar.Slot);
    }

    public static DomainError? OutsideHours(Provider provider, DateTime local, TimeSpan slot)
    {
        var hours = provider.HoursOn(local.DayOfWeek);
        if (hours is null)
        {
            return DomainError.Validation(StartField, $"{provider.Name} does not work on {local.DayOfWeek}s.");
        }

        var start = TimeOnly.FromDateTime(local);
        var fits = start >= hours.Start && start.ToTimeSpan() + slot <= hours.End.ToTimeSpan();
        return fits
            ? null
            : DomainError.Validation(StartField, $"{provider.Name} works {hours.Start:HH\\:mm}–{hours.End:HH\\:mm} on {local.DayOfWeek}s.");
    }
}
