using Microsoft.Extensions.Options;
using ZealthyEmr.Domain.Scheduling;

namespace ZealthyEmr.Domain.Clinic;

/// <summary>The clinic's zone, slot grid and clock in one place, so no caller converts times by hand.</summary>
public sealed class ClinicCalendar(IOptions<ClinicOptions> options, TimeProvider clock)
{
    public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeSpan Slot { get; } = TimeSpan.FromMinutes(options.Value.SlotMinutes);

    public int HorizonMonths => options.Value.HorizonMonths;

    public int BookingHorizonMonths => options.Value.BookingHorizonMonths;

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime LocalNow => ClinicClock.ToLocal(UtcNow, Zone);

    public DateOnly Today => DateOnly.FromDateTime(LocalNow);

    public DateTime ToUtc(DateTime clinicLocal) => ClinicClock.ToUtc(clinicLocal, Zone);

    public DateTime ToLocal(DateTime utc) => ClinicClock.ToLocal(utc, Zone);

    public DateTimeOffset ToOffset(DateTime utc)
    {
        var local = ToLocal(utc);
        return new DateTimeOffset(local, Zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
    }

    /// <summary>UTC instant of local midnight starting <paramref name="date"/>.</summary>
    public DateTime StartOfDayUtc(DateOnly date) => ToUtc(date.ToDateTime(TimeOnly.MinValue));

    public bool IsOnSlotGrid(DateTime clinicLocal) =>
        clinicLocal.TimeOfDay.Ticks % Slot.Ticks == 0 && clinicLocal.Second == 0 && clinicLocal.Millisecond == 0;
}
