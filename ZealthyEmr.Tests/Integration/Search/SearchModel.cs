using Microsoft.EntityFrameworkCore;
using ZealthyEmr.Domain.Appointments;
using ZealthyEmr.Domain.Data;

namespace ZealthyEmr.Tests.Integration.Search;

/// <summary>The search's rules applied in memory to every patient, as the expected answer for the database's.</summary>
internal sealed class SearchModel
{
    private SearchModel(List<Entry> entries) => Entries = entries;

    public List<Entry> Entries { get; }

    public static async Task<SearchModel> LoadAsync(EmrDbContext db)
    {
        var patients = await db.Patients.AsNoTracking().Select(p => new { p.Id, p.NormalizedName, p.NormalizedEmail, p.Phone, p.DateOfBirth }).ToListAsync();
        var providers = (await db.Visits.Where(v => v.Status != VisitStatus.Cancelled).Select(v => new { v.PatientId, v.Provider!.Name })
                .Union(db.AppointmentSeries.Select(s => new { s.PatientId, s.Provider!.Name })).ToListAsync())
            .ToLookup(x => x.PatientId, x => x.Name);
        var medications = (await db.Prescriptions.Select(r => new { r.PatientId, r.Medication!.Name }).ToListAsync()).ToLookup(x => x.PatientId, x => x.Name);
        return new SearchModel([.. patients.Select(p => new Entry(
            p.Id,
            p.NormalizedName,
            p.NormalizedEmail,
            string.Concat((p.Phone ?? "").Where(char.IsAsciiDigit)),
            p.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
            [.. providers[p.Id].Distinct()],
            [.. medications[p.Id].Distinct()]))]);
    }

    /// <summary>Any field contains the text; or, for a phone-like text, the phone contains its digits; or the date of birth is <paramref name="isoDate"/>.</summary>
    public HashSet<Guid> Containing(string text, string? digits = null, string? isoDate = null) =>
        [.. Entries.Where(e => e.Fields.Any(f => f.Contains(text, StringComparison.OrdinalIgnoreCase))
            || (digits is not null && e.PhoneDigits.Contains(digits, StringComparison.Ordinal))
            || (isoDate is not null && e.BirthDate == isoDate)).Select(e => e.Id)];

    /// <summary>Some word of some field starts with the prefix (words split where letters and digits stop).</summary>
    public HashSet<Guid> WithWordStarting(string prefix) =>
        [.. Entries.Where(e => e.Fields.SelectMany(Words).Any(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))).Select(e => e.Id)];

    private static IEnumerable<string> Words(string text) =>
        text.Split([.. text.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);

    public sealed record Entry(Guid Id, string Name, string Email, string PhoneDigits, string BirthDate, string[] Providers, string[] Medications)
    {
        public IEnumerable<string> Fields => [Name, Email, PhoneDigits, BirthDate, .. Providers, .. Medications];
    }
}
