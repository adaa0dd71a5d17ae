using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Booking;
using ZealthyEmr.Domain.Clinic;
using ZealthyEmr.Domain.Common;
using ZealthyEmr.Domain.Data;
using ZealthyEmr.Domain.Providers;

namespace ZealthyEmr.Domain.Appointments;

/// <summary>The checks every visit a staff member schedules must pass, for a whole series at once.</summary>
internal static class SeriesChecks
{
    public const string NotesField = "notes";
    public const string EndDateField = "endDate";

    /// <summary>The first occurrence outside the provider's hours (a monthly date on a weekend, say), named by its date.</summary>
    public static DomainError? OutsideHours(Provider provider, IEnumerable<DateTime> startsUtc, ClinicCalendar calendar)
    {
        foreach (var startUtc in startsUtc)
        {
            var local = calendar.ToLocal(startUtc);
            if (BookingRules.OutsideHours(provider, local, calendar.Slot) is { } outside)
            {
                return DomainError.Validation(BookingRules.StartField,
                    $"The visit on {local:dddd, MMMM d, yyyy} would fall outside working hours: {outside.Message} Pick another time or an end date before it.");
            }
        }

        return null;
    }

    /// <summary>
    /// Checks all <paramref name="startsUtc"/> against the provider's and the patient's active visits in one query,
    /// and names the first conflicting date. The patient's own clash wins a tie, since it is theirs to resolve.
    /// </summary>
    public static async Task<DomainError?> ConflictAsync(
        EmrDbContext db, Guid patientId, string patientName, Provider provider, IReadOnlyCollection<DateTime> startsUtc, IReadOnlyCollection<Guid> ignoreVisitIds, ClinicCalendar calendar, CancellationToken ct)
    {
        if (startsUtc.Count == 0)
        {
            return null;
        }

        var times = startsUtc.ToList();
        // One seek per time in each unique slot index; an OR of the two would be answered from the StartUtc index,
        // reading every visit at each of those times (a thousand per time at 100,000 patients).
        var visits = db.Visits.AsNoTracking().Where(v => v.Status != VisitStatus.Cancelled && times.Contains(v.StartUtc) && !ignoreVisitIds.Contains(v.Id));
        var holders = await visits.Where(v => v.ProviderId == provider.Id).Select(v => new { v.StartUtc, v.PatientId })
            .Concat(visits.Where(v => v.PatientId == patientId).Select(v => new { v.StartUtc, v.PatientId }))
            .ToListAsync(ct);
        var first = holders.OrderBy(h => h.StartUtc).ThenBy(h => h.PatientId == patientId ? 0 : 1).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        var when = calendar.ToLocal(first.StartUtc).ToString("dddd, MMMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture);
        return first.PatientId == patientId
            ? new DomainError(ErrorCodes.UserConflict, $"{patientName} already has a visit on {when}.")
            : new DomainError(ErrorCodes.ProviderConflict, $"{provider.Name} is already booked on {when}.");
    }

    /// <summary>Far enough for any real plan; the bound keeps date arithmetic (end + 1 day, horizons) from overflowing.</summary>
    public const int MaxYears = 100;

    /// <summary>The end date must not be before the first visit, nor more than <see cref="MaxYears"/> after it.</summary>
    public static DomainError? EndDate(DateOnly? endDate, DateTime firstStartLocal)
    {
        var first = DateOnly.FromDateTime(firstStartLocal);
        if (endDate < first)
        {
            return DomainError.Validation(EndDateField, "The end date cannot be before the first visit.");
        }

        return endDate > first.AddYears(MaxYears)
            ? DomainError.Validation(EndDateField, $"The end date can be at most {MaxYears} years after the first visit; leave it empty for a series without an end.")
            : null;
    }

    public static DomainError? Notes(string? notes) =>
        notes is { Length: > 2000 } ? DomainError.Validation(NotesField, "Notes can be at most 2000 characters.") : null;

    public static string? CleanNotes(string? notes) => string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
}
